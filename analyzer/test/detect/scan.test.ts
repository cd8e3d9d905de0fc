import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSource as parseForCleanup } from '../../src/cleanup/parse';
import { loadConfig, resolveConfig } from '../../src/config';
import { compilePatterns, coversFile, createDetectContext, detectFile, detectInSourceFile, listSourceFiles, mayContainFlagCheck, scanProject } from '../../src/detect';
import { readFileFromDisk } from '../../src/keys';
import { assertChecks, fixtureDir } from './expectations';

describe('detect: scanning projects', () => {
  it('detect-syntax-error-skipped: a file that does not parse is skipped with the reason; the scan goes on', async () => {
    const root = fixtureDir('detect-syntax-error-skipped');
    const result = await scanProject(loadConfig(root));
    assertChecks(root, result.checks, [{ file: 'src/fine.ts', line: 3, column: 21, key: 'still-found', kind: 'call' }]);
    assert.deepStrictEqual(result.skipped, [{ file: path.join(root, 'src/broken.ts').split(path.sep).join('/'), kind: 'parse-error', reason: "4:10 syntax error: ':' expected." }]);
    assert.equal(result.files, 2);
    assert.equal(result.parsedFiles, 1);
  });

  it('detect-script-kinds: .mts .cts .cjs .mjs .jsx .js .tsx are parsed with the right script kind (JSX in .js and .jsx)', async () => {
    const root = fixtureDir('detect-script-kinds');
    const result = await scanProject(loadConfig(root));
    assertChecks(root, result.checks, [
      { file: 'src/a.mts', line: 2, column: 18, key: 'from-mts', kind: 'call' },
      { file: 'src/b.cts', line: 2, column: 18, key: 'from-cts', kind: 'call' },
      { file: 'src/c.cjs', line: 2, column: 18, key: 'from-cjs', kind: 'call' },
      { file: 'src/d.mjs', line: 2, column: 16, key: 'from-mjs', kind: 'call' },
      { file: 'src/e.jsx', line: 1, column: 24, key: 'from-jsx', kind: 'jsx' },
      { file: 'src/f.js', line: 1, column: 25, key: 'jsx-in-js', kind: 'jsx' },
      { file: 'src/g.tsx', line: 1, column: 32, key: 'from-tsx', kind: 'jsx' },
    ]);
    assert.deepStrictEqual(result.skipped, []);
    assert.equal(result.lines, 11);
  });

  it('detect-list-source-files: coversFile agrees with the listing (without .gitignore) for every file, one path at a time', async () => {
    const root = fixtureDir('detect-list-source-files');
    const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name).split(path.sep).join('/')]));
    const files = all(root);
    // The second exclude names the folder src/generated but not the file in it: the listing reads the folder.
    for (const exclude of [undefined, ['**/gener*', '**/*.d.ts']]) {
      const base = { ...loadConfig(root), gitignore: false };
      const config = exclude ? { ...base, exclude } : base;
      const listed = new Set(await listSourceFiles(config));
      assert.ok(files.length > listed.size, 'the fixture has files outside the listing');
      assert.ok(listed.has(`${root.split(path.sep).join('/')}/src/generated/gen.ts`));
      for (const f of files) assert.equal(coversFile(config, f), listed.has(f), `${f} (exclude ${JSON.stringify(config.exclude)})`);
    }
    const config = { ...loadConfig(root), gitignore: false };
    assert.equal(coversFile(config, '/elsewhere/src/a.ts'), false);
    assert.equal(coversFile(loadConfig(fixtureDir('demo-app')), path.join(fixtureDir('demo-app'), 'node_modules/x/index.ts')), false);
  });

  it('detect-list-source-files: include/exclude globs and nested .gitignore files pick the files, sorted, absolute, forward slashes', async () => {
    const root = fixtureDir('detect-list-source-files');
    const config = loadConfig(root);
    const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepStrictEqual(rel(await listSourceFiles(config)), ['scripts/run.mjs', 'src/B.tsx', 'src/a.ts', 'src/c.js', 'src/nested/deep.ts', 'src/nested/keep.tmp.tsx']);
    assert.deepStrictEqual(rel(await listSourceFiles({ ...config, gitignore: false })), [
      'scripts/run.mjs',
      'src/B.tsx',
      'src/a.ts',
      'src/c.js',
      'src/generated/gen.ts',
      'src/nested/deep.ts',
      'src/nested/keep.tmp.tsx',
      'src/nested/tmp/x.tmp.ts',
    ]);
    assert.deepStrictEqual(rel(await listSourceFiles(config, ['src/nested'])), ['src/nested/deep.ts', 'src/nested/keep.tmp.tsx']);
    for (const f of await listSourceFiles(config)) assert.ok(path.isAbsolute(f) && !f.includes('\\'));
  });

  it('.gitignore files above the config folder count, up to the repository top', async () => {
    const { repo, write } = gitRepo('flagsweep-gitignore-');
    write('.gitignore', 'generated/\n');
    write('app/src/a.ts', 'export {};\n');
    write('app/src/generated/b.ts', 'export {};\n');
    write('app/node_modules/pkg/index.js', 'export {};\n');
    const files = await listSourceFiles(resolveConfig({}, path.join(repo, 'app')));
    assert.deepStrictEqual(files.map((f) => path.relative(repo, f).split(path.sep).join('/')), ['app/src/a.ts']);
  });

  it('a .gitignore that is a FIFO or a folder ignores nothing and never blocks the listing; the others still apply', async () => {
    const { repo, write } = gitRepo('flagsweep-gitignore-hostile-');
    fs.mkdirSync(path.join(repo, 'src/sub/.gitignore'), { recursive: true });
    write('src/.gitignore', 'generated/\n');
    write('src/a.ts', 'export {};\n');
    write('src/generated/b.ts', 'export {};\n');
    execFileSync('mkfifo', [path.join(repo, '.gitignore')]);
    for (const include of [['src/**/*.ts'], ['**/*.ts']]) {
      const files = await listSourceFiles(resolveConfig({ include }, repo));
      assert.deepStrictEqual(files.map((f) => path.relative(repo, f).split(path.sep).join('/')), ['src/a.ts'], include[0]);
    }
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('an include narrowed to one package: .gitignore files at the root, between it and the package and below count; other packages are not walked', async () => {
    const { repo, write } = gitRepo('flagsweep-gitignore-narrow-');
    write('.gitignore', 'generated/\n');
    write('packages/.gitignore', 'legacy/\n');
    write('packages/app/src/.gitignore', 'mocks/\n');
    write('packages/app/src/a.ts', 'export {};\n');
    write('packages/app/src/generated/b.ts', 'export {};\n');
    write('packages/app/src/legacy/c.ts', 'export {};\n');
    write('packages/app/src/mocks/d.ts', 'export {};\n');
    write('packages/other/src/e.ts', 'export {};\n');
    const walked: string[] = [];
    const memo = { recall: () => undefined, remember: (l: { dirs: Record<string, number> } | undefined) => walked.push(...Object.keys(l?.dirs ?? {})) };
    const old = new Date(Date.now() - 60_000);
    const ageAll = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) ageAll(path.join(dir, e.name));
      fs.utimesSync(dir, old, old);
    };
    ageAll(repo);
    const files = await listSourceFiles(resolveConfig({ include: ['packages/app/src/**/*.ts'] }, repo), undefined, memo);
    assert.deepStrictEqual(files.map((f) => path.relative(repo, f).split(path.sep).join('/')), ['packages/app/src/a.ts']);
    const rel = walked.map((d) => path.relative(repo, d).split(path.sep).join('/'));
    assert.ok(rel.length > 0, 'the walk was remembered');
    assert.ok(!rel.some((d) => d.startsWith('packages/other')), `walked ${rel.join(', ')}`);
    fs.rmSync(repo, { recursive: true, force: true });
  });
  it('a file saved as UTF-16 (either byte order, with its mark) is read as TypeScript reads it: its checks are found where they are', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-utf16-'));
    fs.writeFileSync(path.join(root, 'flagsweep.config.json'), JSON.stringify({ sdks: [], include: ['src/**/*.ts'], patterns: [{ call: 'isOn' }] }));
    fs.mkdirSync(path.join(root, 'src'));
    const text = (key: string) => `\uFEFFimport { isOn } from './on';\nexport const label = isOn('${key}') ? 'café' : 'tea';\n`;
    fs.writeFileSync(path.join(root, 'src/big-endian.ts'), Buffer.from(text('in-utf16be'), 'utf16le').swap16());
    fs.writeFileSync(path.join(root, 'src/little-endian.ts'), Buffer.from(text('in-utf16le'), 'utf16le'));
    fs.writeFileSync(path.join(root, 'src/on.ts'), 'export const isOn = (key: string) => key.length > 0;\n');
    const result = await scanProject(loadConfig(root));
    assertChecks(root, result.checks, [
      { file: 'src/big-endian.ts', line: 2, column: 22, key: 'in-utf16be', kind: 'call' },
      { file: 'src/little-endian.ts', line: 2, column: 22, key: 'in-utf16le', kind: 'call' },
    ]);
    assert.deepStrictEqual(result.skipped, []);
  });

  it('the prefilter needs every named segment of a custom pattern, an import of an SDK module, or @flag', () => {
    const set = compilePatterns(resolveConfig({ sdks: ['unleash'], patterns: [{ call: 'flags.isEnabled' }, { jsx: 'Feature' }] }, '/x'));
    assert.equal(mayContainFlagCheck("button.isEnabled('x')", set), false);
    assert.equal(mayContainFlagCheck("this.flags\n  .isEnabled('x')", set), true);
    assert.equal(mayContainFlagCheck("import { initialize } from 'unleash-client';", set), true);
    assert.equal(mayContainFlagCheck('const { initialize } = require("unleash-client/lib/unleash");', set), true);
    assert.equal(mayContainFlagCheck('// moved off unleash-client last year', set), false);
    assert.equal(mayContainFlagCheck("export const SDK = 'unleash-client';", set), false);
    assert.equal(mayContainFlagCheck("import 'unleash-client';", set), true);
    assert.equal(mayContainFlagCheck('<Feature flag="a" />', set), true);
    assert.equal(mayContainFlagCheck('const Feature = 1;', set), false);
    assert.equal(mayContainFlagCheck('/** @flag a */ export const A = "a";', set), true);
    assert.equal(mayContainFlagCheck("import { A } from '@flags/keys';", set), false);
    assert.equal(mayContainFlagCheck('export const total = 1;', set), false);
  });

  it('detectFile skips the parse when the prefilter rules the file out', () => {
    const ctx = createDetectContext(resolveConfig({ sdks: [], patterns: [{ call: 'flags.isEnabled' }] }, '/virtual'));
    assert.deepStrictEqual(detectFile('/virtual/a.ts', 'export const a = 1;', ctx), { checks: [], declarations: [], annotations: [], diagnostics: [], parsed: false });
    const found = detectFile('/virtual/b.ts', "export const b = flags.isEnabled('b');", ctx);
    assert.equal(found.parsed, true);
    assert.deepStrictEqual(found.checks.map((c) => [c.key, c.file]), [['b', '/virtual/b.ts']]);
  });

  it('readFile supplies unsaved text for the scanned file and for the constants it imports', async () => {
    const root = fixtureDir('detect-keys-imported-constants');
    const keysFile = path.join(root, 'src/flags/keys.ts').split(path.sep).join('/');
    const readFile = (file: string) => (file === keysFile ? "export const NEW_CART = 'edited-cart';\n" : readFileFromDisk(file));
    const result = await scanProject(loadConfig(root), { paths: ['src/app.ts'], readFile });
    assert.equal(result.files, 1);
    assert.equal(result.checks[0].key, 'edited-cart');
  });

  it('methods called on a flags object are not flags; an annotation naming another key is reported', () => {
    const ctx = createDetectContext(resolveConfig({ sdks: [], patterns: [{ hook: 'useToggles' }, { call: 'flags.isEnabled' }] }, '/v'));
    const hook = detectFile('/v/a.ts', 'const t = useToggles();\nexport const x = t.hasOwnProperty("a") || t.beta;\n', ctx);
    assert.deepStrictEqual(hook.checks.map((c) => c.key), ['beta']);
    const text = "/** @flag old-name @expires 2027-01-01 */\nconst KEY = 'new-name';\nexport const on = flags.isEnabled(KEY);\n";
    const found = detectFile('/v/b.ts', text, ctx);
    assert.equal(found.checks[0].annotation?.expires, '2027-01-01');
    assert.deepStrictEqual(found.diagnostics, [
      { severity: 'warning', where: '/v/b.ts', message: '@flag old-name is attached to a check or declaration of "new-name"', line: 1, column: 1 },
    ]);
    // Without @flag, the statement's first check names the key and a second one contradicts nothing.
    const two = detectFile('/v/c.ts', "/** @expires 2027-01-01 */\nconst x = flags.isEnabled('a') && flags.isEnabled('b');\n", ctx);
    assert.deepStrictEqual(two.diagnostics, []);
    assert.deepStrictEqual(two.annotations.map((a) => a.key), ['a']);
  });

  it('a long-lived context keeps parsed constants until invalidate() says the file changed', () => {
    const files: Record<string, string> = {
      '/v/keys.ts': "export const K = 'first';\n",
      '/v/use.ts': "import { K } from './keys';\nexport const on = flags.isEnabled(K);\n",
    };
    const ctx = createDetectContext(resolveConfig({ sdks: [], patterns: [{ call: 'flags.isEnabled' }] }, '/v'), { readFile: (f) => files[f] });
    const keyOf = () => detectFile('/v/use.ts', files['/v/use.ts'], ctx).checks.map((c) => c.key);
    assert.deepStrictEqual(keyOf(), ['first']);
    files['/v/keys.ts'] = "export const K = 'second';\n";
    assert.deepStrictEqual(keyOf(), ['first']);
    ctx.invalidate('/v/keys.ts');
    assert.deepStrictEqual(keyOf(), ['second']);
    // A module created after a failed lookup resolves once it is announced.
    files['/v/use.ts'] = "import { K } from './later';\nexport const on = flags.isEnabled(K);\n";
    assert.deepStrictEqual(keyOf(), [null]);
    files['/v/later.ts'] = "export const K = 'third';\n";
    ctx.invalidate('/v/later.ts');
    assert.deepStrictEqual(keyOf(), ['third']);
  });

  it("works on the cleanup engine's parse (parents set, JSDoc parsed) with the same results as a scan", () => {
    const root = fixtureDir('detect-keys-imported-constants');
    const file = path.join(root, 'src/app.ts');
    const sf = parseForCleanup(file, fs.readFileSync(file, 'utf8'));
    const ctx = createDetectContext(loadConfig(root));
    const found = detectInSourceFile(sf, ctx);
    assert.deepStrictEqual(
      found.checks.map((c) => c.key),
      ['new-cart', 'reviews-v2', 'fuzzy-search', 'internal-tools', 'new-cart', 'export-csv', 'new-cart', 'export-csv', 'new-ui', null],
    );
  });

  it('reports progress and counts lines of every listed file', async () => {
    const root = fixtureDir('detect-custom-call-receiver-suffix');
    const progress: string[] = [];
    const result = await scanProject(loadConfig(root), { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    assert.deepStrictEqual(progress, ['1/2', '2/2']);
    assert.equal(result.lines, 27);
    assert.ok(result.durationMs >= 0);
  });
});

/** An empty git repository in a temp folder (a `.git` folder marks its top) and a way to write files into it. */
function gitRepo(prefix: string): { repo: string; write: (rel: string, text: string) => void } {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(repo, '.git'));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  };
  return { repo, write };
}
