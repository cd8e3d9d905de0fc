import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupFlag } from '../../src/cleanup';
import { loadConfig } from '../../src/config';
import { REPO, copyFixtureProject } from './helpers';

const TSC = path.join(REPO, 'node_modules/.bin/tsc');

function tscPasses(dir: string): { ok: boolean; output: string } {
  const r = spawnSync(TSC, ['--noEmit', '-p', dir], { encoding: 'utf8' });
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

describe('cleanup across a whole project (test-fixtures/cleanup-project-checkout)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = copyFixtureProject('cleanup-project-checkout');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('cleans a flag used in several files; tsc passes before and after; the ESLint parser accepts every touched file', async () => {
    assert.equal(tscPasses(dir).ok, true, 'the fixture type-checks before the cleanup');
    const result = await cleanupFlag({ config: loadConfig(dir), key: 'new-checkout', value: true, scope: { kind: 'project' }, removeDefinition: true });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.leftForHuman, []);
    const changed = result.files.map((f) => path.relative(dir, f.file)).sort();
    assert.deepEqual(changed, ['flags.flagd.json', 'src/cart.ts', 'src/checkout.ts', 'src/flag-helpers.ts', 'src/flags.ts', 'src/header.ts', 'src/test/fixtures.ts']);
    // Loaded: files mentioning the flag or its constant, then header.ts, which imports the flag function
    // isNewCheckout from flag-helpers.ts; theme.ts, format.ts and client.ts hold no read of it and were not loaded.
    assert.equal(result.stats.filesLoaded, 6);
    for (const f of result.files) fs.writeFileSync(f.file, f.after);

    const after = tscPasses(dir);
    assert.equal(after.ok, true, after.output);
    const { parse } = await import('@typescript-eslint/parser');
    for (const f of result.files.filter((x) => x.file.endsWith('.ts'))) {
      assert.doesNotThrow(() => parse(fs.readFileSync(f.file, 'utf8'), { filePath: f.file, range: true, loc: true }), f.file);
    }

    const read = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');
    assert.doesNotMatch(read('src/flags.ts'), /NEW_CHECKOUT/);
    assert.match(read('src/flags.ts'), /DARK_MODE: 'dark-mode'/);
    assert.doesNotMatch(read('src/checkout.ts'), /FLAGS|client/);
    assert.match(read('src/cart.ts'), /FLAGS\.DARK_MODE/);
    // The exported flag function was inlined in its importer and deleted (with its doc comment) from its module.
    assert.doesNotMatch(read('src/flag-helpers.ts'), /isNewCheckout|new checkout flow|NEW_CHECKOUT_AT_BOOT|at startup/);
    assert.doesNotMatch(read('src/header.ts'), /legacy-help|NEW_CHECKOUT_AT_BOOT/);
    assert.match(read('src/header.ts'), /^import \{ isDarkMode \} from '\.\/flag-helpers';$/m);
    assert.match(read('src/header.ts'), /^ {2}links\.push\('express-checkout'\);$/m);
    const flagd = JSON.parse(read('flags.flagd.json'));
    assert.deepEqual(Object.keys(flagd.flags), ['dark-mode']);
    assert.match(read('flags.flagd.json'), /\n {4}"dark-mode": \{\n/, 'the rest of the flagd file keeps its formatting');
    assert.equal(read('src/theme.ts'), fs.readFileSync(path.join(REPO, 'test-fixtures/cleanup-project-checkout/src/theme.ts'), 'utf8'));

    const again = await cleanupFlag({ config: loadConfig(dir), key: 'new-checkout', value: true, scope: { kind: 'project' }, removeDefinition: true });
    assert.deepEqual(again.files, [], 'a second run changes nothing');
  });

  it('without a value, uses the common code default of the checks', async () => {
    const result = await cleanupFlag({ config: loadConfig(dir), key: 'dark-mode', scope: { kind: 'project' } });
    assert.deepEqual(result.errors, []);
    assert.equal(result.value, false);
    assert.ok(result.files.some((f) => f.file.endsWith('theme.ts') && f.after.includes("export const theme = 'light';")));
  });
});

describe('cleanup of part of a project keeps what the rest still uses', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = copyFixtureProject('cleanup-project-checkout');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const scope of ['file', 'paths'] as const) {
    it(`${scope === 'file' ? 'file scope' : 'project scope narrowed to one path'}: the key constant and the flag function stay while other files use them`, async () => {
      const file = path.join(dir, 'src/checkout.ts');
      const result = await cleanupFlag({
        config: loadConfig(dir),
        key: 'new-checkout',
        value: true,
        scope: scope === 'file' ? { kind: 'file', file } : { kind: 'project', paths: [file] },
      });
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.files.map((f) => path.relative(dir, f.file)), ['src/checkout.ts']);
      assert.match(result.files[0].after, /return 'Pay now';/);
    });
  }
});

describe('cleanup finds every read the scan finds, spelled out or not (test-fixtures/cleanup-project-composed-keys)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = copyFixtureProject('cleanup-project-composed-keys');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an escaped key, a joined key, a template of a constant and a constant joined in another module: all cleaned, tsc passes', async () => {
    assert.equal(tscPasses(dir).ok, true, 'the fixture type-checks before the cleanup');
    const result = await cleanupFlag({ config: loadConfig(dir), key: 'new-checkout', value: true, scope: { kind: 'project' }, verify: true });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.leftForHuman, []);
    assert.equal(result.stats.checksCleaned, 4);
    assert.deepEqual(result.files.map((f) => path.relative(dir, f.file)).sort(), ['src/escaped.ts', 'src/imported.ts', 'src/joined.ts', 'src/keys.ts', 'src/template.ts']);
    for (const f of result.files) fs.writeFileSync(f.file, f.after);
    const after = tscPasses(dir);
    assert.equal(after.ok, true, after.output);
    const read = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');
    assert.match(read('src/escaped.ts'), /^export const total = 'express';$/m);
    assert.match(read('src/joined.ts'), /^ {2}return 'Pay now';$/m);
    assert.equal(read('src/template.ts'), 'export const steps = 1;\n');
    assert.equal(read('src/keys.ts'), "export const DARK_MODE_FLAG = 'dark-mode';\n");
    assert.match(read('src/imported.ts'), /^export const banner = 'new';$/m);
    assert.match(read('src/imported.ts'), /client\.isEnabled\(DARK_MODE_FLAG\)/);
    const again = await cleanupFlag({ config: loadConfig(dir), key: 'new-checkout', value: true, scope: { kind: 'project' } });
    assert.deepEqual(again.files, [], 'a second run changes nothing');
  });
});
