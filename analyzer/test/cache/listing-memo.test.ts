import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../src/config';
import { listSourceFiles } from '../../src/detect/files';
import { ageFolders, cachedScan, countingMemo as memo, makeProject, write } from './project';

const ALL = ['src/checkout.ts:checkout-v2', 'src/theme.ts:dark-mode'];

describe('cache: the remembered walk (folders unchanged: the listing comes from the cache)', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject();
    // The cache is written within 2 s of the folders' last change otherwise, and such a walk is not remembered.
    fs.mkdirSync(path.join(root, 'node_modules/.cache/flagsweep'), { recursive: true });
    ageFolders(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a re-scan where no folder changed does not walk the project again', async () => {
    const cold = await cachedScan(root);
    assert.equal(cold.walks, 1);
    const warm = await cachedScan(root);
    assert.equal(warm.walks, 0);
    assert.deepEqual(warm.keys, ALL);
    assert.equal(warm.result.files, 4);
  });

  it('a file added to a folder changes the folder: the project is walked again and the file is scanned', async () => {
    await cachedScan(root);
    write(root, 'src/banner.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const b = flags.isEnabled('new-banner');\n");
    const warm = await cachedScan(root);
    assert.equal(warm.walks, 1);
    assert.deepEqual(warm.keys, ['src/banner.ts:new-banner', ...ALL]);
  });

  it('a file added in a new folder deep down is found (its parent folder changed)', async () => {
    await cachedScan(root);
    write(root, 'src/deep/er/banner.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const b = flags.isEnabled('deep-banner');\n");
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2', 'src/deep/er/banner.ts:deep-banner', 'src/theme.ts:dark-mode']);
  });

  it('a deleted and a renamed file are seen', async () => {
    await cachedScan(root);
    fs.rmSync(path.join(root, 'src/plain.ts'));
    fs.renameSync(path.join(root, 'src/theme.ts'), path.join(root, 'src/colours.ts'));
    const warm = await cachedScan(root);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2', 'src/colours.ts:dark-mode']);
    assert.equal(warm.result.files, 3);
  });

  it('a file edited in place (its folder unchanged) is still scanned again: files are checked one by one', async () => {
    await cachedScan(root);
    fs.writeFileSync(path.join(root, 'src/theme.ts'), "declare const flags: { isEnabled(k: string): boolean };\nexport const dark = flags.isEnabled('light-mode');\n");
    ageFolders(root);
    const warm = await cachedScan(root);
    assert.equal(warm.walks, 0);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2', 'src/theme.ts:light-mode']);
  });

  it('a .gitignore edited in place applies at once (ignore files are read on every scan)', async () => {
    write(root, '.gitignore', 'nothing\n');
    ageFolders(root);
    await cachedScan(root);
    fs.writeFileSync(path.join(root, '.gitignore'), 'src/theme.ts\n');
    ageFolders(root);
    const warm = await cachedScan(root);
    assert.equal(warm.walks, 0);
    assert.deepEqual(warm.keys, ['src/checkout.ts:checkout-v2']);
  });

  it('a walk done while a folder had just changed is not remembered (the change may repeat within the mtime)', async () => {
    write(root, 'src/new.ts', 'export const x = 1;\n');
    await cachedScan(root); // src changed a moment ago
    const warm = await cachedScan(root);
    assert.equal(warm.walks, 1);
    ageFolders(root);
    await cachedScan(root);
    assert.equal((await cachedScan(root)).walks, 0);
  });
});

describe('listSourceFiles with a memo', () => {
  let root: string;
  beforeEach(() => {
    root = makeProject();
    ageFolders(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('records every folder it read, with its mtime, and lists the same files as a walk without memo', async () => {
    const config = loadConfig(root);
    const m = memo();
    const listed = await listSourceFiles(config, undefined, m);
    assert.deepEqual(listed, await listSourceFiles(config));
    const src = `${root.replace(/\\/g, '/')}/src`;
    assert.ok(m.walked && src in m.walked.dirs, `src is among ${Object.keys(m.walked?.dirs ?? {}).join(', ')}`);
    assert.equal(m.walked!.dirs[src], fs.statSync(src).mtimeMs);
  });

  it('answers from the memo while every folder has its recorded mtime, and walks again when one differs', async () => {
    const config = loadConfig(root);
    const m = memo();
    await listSourceFiles(config, undefined, m);
    // Proof the answer comes from the memo: a file the disk does not hold.
    const ghost = `${root.replace(/\\/g, '/')}/src/ghost.ts`;
    m.walked!.files.push(ghost);
    assert.ok((await listSourceFiles(config, undefined, m)).includes(ghost));
    assert.equal(m.walks, 1);
    const src = Object.keys(m.walked!.dirs).find((d) => d.endsWith('/src'))!;
    m.walked!.dirs[src] -= 1000;
    assert.ok(!(await listSourceFiles(config, undefined, m)).includes(ghost));
    assert.equal(m.walks, 2);
  });

  it('the synchronous lister uses the same memo', async () => {
    const { listSourceFilesSync } = await import('../../src/detect/files');
    const config = loadConfig(root);
    const m = memo();
    const first = listSourceFilesSync(config, undefined, m);
    assert.equal(m.walks, 1);
    assert.deepEqual(listSourceFilesSync(config, undefined, m), first);
    assert.equal(m.walks, 1);
  });
});
