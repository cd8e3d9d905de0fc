import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir, cachedScan, CONFIG, edit, makeProject, write } from './project';

const ALL = ['src/checkout.ts:checkout-v2', 'src/theme.ts:dark-mode'];

describe('cache: the persistent scan cache (--cache)', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a re-scan where nothing changed reuses every file and finds the same checks, ranges and all', async () => {
    const cold = await cachedScan(root);
    assert.deepEqual(cold.keys, ALL);
    assert.equal(cold.reused, 0);
    assert.equal(cold.scanned, 4);
    const warm = await cachedScan(root);
    assert.equal(warm.reused, 4);
    assert.equal(warm.scanned, 0);
    assert.deepStrictEqual(warm.result.checks, cold.result.checks);
    assert.deepStrictEqual(warm.result.declarations, cold.result.declarations);
    assert.equal(warm.result.lines, cold.result.lines);
    assert.equal(warm.result.parsedFiles, cold.result.parsedFiles);
    assert.deepEqual(warm.warnings, []);
  });

  it('an edited file is scanned again, and only that file', async () => {
    await cachedScan(root);
    edit(root, 'src/theme.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const dark = flags.isEnabled('light-mode');\n");
    const warm = await cachedScan(root);
    assert.equal(warm.scanned, 1);
    assert.equal(warm.reused, 3);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2', 'src/theme.ts:light-mode']);
  });

  it('a file whose keys resolve through an edited file is scanned again with it', async () => {
    await cachedScan(root);
    edit(root, 'src/keys.ts', "export const CHECKOUT = 'checkout-v3';\n");
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v3', 'src/theme.ts:dark-mode']);
    assert.equal(warm.scanned, 2, 'keys.ts and checkout.ts');
    assert.equal(warm.reused, 2);
  });

  it('a touched file (new mtime, same content) is recognised by its hash and not scanned again', async () => {
    await cachedScan(root);
    edit(root, 'src/theme.ts', fs.readFileSync(path.join(root, 'src/theme.ts'), 'utf8'));
    const warm = await cachedScan(root);
    assert.equal(warm.scanned, 0);
    assert.equal(warm.reused, 4);
  });

  it('a file changed within the second it was cached (same size and mtime) is checked by content', async () => {
    const now = Date.now() / 1000;
    write(root, 'src/theme.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const dark = flags.isEnabled('dark-mode');\n", now);
    await cachedScan(root);
    // Same length, same mtime: only the content hash can tell.
    write(root, 'src/theme.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const dark = flags.isEnabled('dark-moon');\n", now);
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2', 'src/theme.ts:dark-moon']);
  });

  it('an added file is scanned; files resolving keys across files are checked again (imports may resolve elsewhere)', async () => {
    await cachedScan(root);
    write(root, 'src/banner.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const b = flags.isEnabled('new-banner');\n");
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/banner.ts:new-banner', ...ALL]);
    assert.ok(warm.reused >= 2, `reused ${warm.reused}`);
  });

  it('a deleted file loses its checks, and its cache entry', async () => {
    await cachedScan(root);
    fs.rmSync(path.join(root, 'src/theme.ts'));
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2']);
    assert.equal(warm.result.files, 3);
    const again = await cachedScan(root);
    assert.equal(again.reused, 3);
    assert.equal(again.scanned, 0);
  });

  it('a renamed file is reported under its new name', async () => {
    await cachedScan(root);
    fs.renameSync(path.join(root, 'src/theme.ts'), path.join(root, 'src/appearance.ts'));
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/appearance.ts:dark-mode', 'src/checkout.ts:checkout-v2']);
  });

  it('a changed tsconfig.json scans the parsed files again (module resolution may differ); others are reused', async () => {
    write(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.' } }));
    await cachedScan(root);
    edit(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@keys': ['src/keys.ts'] } } }));
    const warm = await cachedScan(root);
    assert.equal(warm.scanned, 2, 'checkout.ts and theme.ts');
    assert.equal(warm.reused, 2, 'keys.ts and plain.ts');
    assert.deepEqual(warm.keys, ALL);
  });

  it('a config change (a new pattern) scans everything again', async () => {
    await cachedScan(root);
    write(root, 'flagsweep.config.json', JSON.stringify({ ...CONFIG, patterns: [...CONFIG.patterns, { call: 'answerFlag' }] }));
    write(root, 'src/plain.ts', "declare function answerFlag(k: string): boolean;\nexport const answer = answerFlag('answer');\n");
    const warm = await cachedScan(root);
    assert.equal(warm.reused, 0);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2', 'src/plain.ts:answer', 'src/theme.ts:dark-mode']);
  });

  it('another tool version scans everything again', async () => {
    await cachedScan(root, '1.0.0');
    const other = await cachedScan(root, '1.0.1');
    assert.equal(other.reused, 0);
    assert.deepEqual(other.keys, ALL);
  });

  it('a cache file in the format of another flagsweep version scans everything again, quietly, and is rewritten', async () => {
    await cachedScan(root);
    const [file] = fs.readdirSync(cacheDir(root));
    const full = path.join(cacheDir(root), file);
    const stored = JSON.parse(fs.readFileSync(full, 'utf8'));
    fs.writeFileSync(full, JSON.stringify({ ...stored, format: stored.format - 1 }));
    const older = await cachedScan(root);
    assert.deepEqual(older.keys, ALL);
    assert.equal(older.reused, 0);
    assert.deepEqual(older.warnings, []);
    const rewritten = await cachedScan(root);
    assert.equal(rewritten.reused, 4);
    assert.deepEqual(rewritten.warnings, []);
  });

  it('a corrupt cache file is ignored with a warning, never a crash, and is rewritten', async () => {
    await cachedScan(root);
    const [file] = fs.readdirSync(cacheDir(root));
    const full = path.join(cacheDir(root), file);
    const bytes = fs.readFileSync(full);
    fs.writeFileSync(full, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const broken = await cachedScan(root);
    assert.deepEqual(broken.keys, ALL);
    assert.equal(broken.reused, 0);
    assert.equal(broken.warnings.length, 1);
    assert.match(broken.warnings[0], /corrupt|not one flagsweep wrote/);
    fs.writeFileSync(full, '{"not": "a cache"}');
    const garbage = await cachedScan(root);
    assert.deepEqual(garbage.keys, ALL);
    assert.equal(garbage.warnings.length, 1);
    const healed = await cachedScan(root);
    assert.deepEqual(healed.warnings, []);
    assert.equal(healed.reused, 4);
  });

  it('a FIFO in place of the cache file never blocks the scan: a warning, the scan answers, the cache is rewritten', async () => {
    await cachedScan(root);
    const [file] = fs.readdirSync(cacheDir(root));
    const full = path.join(cacheDir(root), file);
    fs.rmSync(full);
    execFileSync('mkfifo', [full]);
    const blocked = await cachedScan(root);
    assert.deepEqual(blocked.keys, ALL);
    assert.deepEqual(blocked.warnings, ['cannot read the scan cache (is a FIFO (named pipe), not a regular file); scanning without it']);
    assert.ok(fs.lstatSync(full).isFile(), 'rewritten as a regular file');
    assert.equal((await cachedScan(root)).reused, 4);
  });

  it('a cache location that cannot be written is a warning; the scan still answers', async () => {
    write(root, 'blocker', 'a file where the cache folder should be');
    const config = (await import('../../src/config')).loadConfig(root);
    const { ScanCache } = await import('../../src/cache/scan-cache');
    const { scanProject } = await import('../../src/detect/scan');
    const cache = ScanCache.open(config, { location: path.join(root, 'blocker', 'cache') });
    const result = await scanProject(config, { cache });
    cache.save();
    assert.equal(result.checks.length, 2);
    assert.equal(cache.warnings.length, 1);
    assert.match(cache.warnings[0].message, /cannot write the scan cache/);
  });
});
