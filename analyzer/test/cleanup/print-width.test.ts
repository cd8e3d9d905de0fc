import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineWidthFinder, PRETTIER_DEFAULT_WIDTH } from '../../src/cleanup/print-width';

describe('LineWidthFinder: the Prettier width a cleaned file is joined within', () => {
  let root: string;
  const write = (rel: string, text: string): string => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-print-width-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads printWidth and tabWidth from the nearest .prettierrc (JSON or YAML)', () => {
    write('.prettierrc', '{ "printWidth": 100, "tabWidth": 4 }\n');
    write('packages/web/.prettierrc', 'printWidth: 120\nsemi: false\n');
    const finder = new LineWidthFinder();
    assert.deepEqual(finder.forFile(write('src/a.ts', '')), { printWidth: 100, tabWidth: 4 });
    assert.deepEqual(finder.forFile(write('packages/web/src/deep/b.tsx', '')), { printWidth: 120, tabWidth: 2 });
  });

  it('reads a JavaScript config as text and never runs it', () => {
    const ran = path.join(root, 'ran');
    write('prettier.config.js', `require('fs').writeFileSync(${JSON.stringify(ran)}, 'x');\nmodule.exports = { printWidth: 110 };\n`);
    assert.equal(new LineWidthFinder().forFile(write('src/a.ts', '')).printWidth, 110);
    assert.equal(fs.existsSync(ran), false);
  });

  it('takes the "prettier" field of package.json; a shared config by name gives the defaults', () => {
    write('package.json', JSON.stringify({ name: 'app', prettier: { printWidth: 90 } }));
    write('lib/package.json', JSON.stringify({ name: 'lib', prettier: '@company/prettier-config' }));
    write('other/package.json', JSON.stringify({ name: 'other' }));
    const finder = new LineWidthFinder();
    assert.equal(finder.forFile(write('src/a.ts', '')).printWidth, 90);
    assert.deepEqual(finder.forFile(write('lib/src/a.ts', '')), PRETTIER_DEFAULT_WIDTH);
    // A package.json without the field does not stop the search.
    assert.equal(finder.forFile(write('other/src/a.ts', '')).printWidth, 90);
  });

  it('gives the defaults for a config without a width, an unreadable width, or no config at all', () => {
    write('a/.prettierrc.json', '{ "semi": false }');
    write('b/.prettierrc', '{ "printWidth": 99999 }');
    const finder = new LineWidthFinder();
    assert.deepEqual(finder.forFile(write('a/x.ts', '')), PRETTIER_DEFAULT_WIDTH);
    assert.deepEqual(finder.forFile(write('b/x.ts', '')), PRETTIER_DEFAULT_WIDTH);
    assert.deepEqual(finder.forFile(write('c/x.ts', '')).printWidth, PRETTIER_DEFAULT_WIDTH.printWidth);
  });

  it('passes over a FIFO, a folder and a huge file where a config is expected, without hanging', function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [path.join(root, '.prettierrc')]);
    fs.mkdirSync(path.join(root, 'dir', '.prettierrc'), { recursive: true });
    write('big/.prettierrc', `{ "printWidth": 100, "pad": "${'x'.repeat(300 * 1024)}" }`);
    const finder = new LineWidthFinder();
    const started = Date.now();
    assert.deepEqual(finder.forFile(write('src/a.ts', '')), PRETTIER_DEFAULT_WIDTH);
    assert.deepEqual(finder.forFile(write('dir/a.ts', '')), PRETTIER_DEFAULT_WIDTH);
    assert.deepEqual(finder.forFile(write('big/a.ts', '')), PRETTIER_DEFAULT_WIDTH);
    assert.ok(Date.now() - started < 5_000);
  });
});
