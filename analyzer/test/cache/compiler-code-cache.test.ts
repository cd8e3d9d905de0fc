import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MODULE = path.resolve(__dirname, '../../dist/cache/compiler-code-cache.js');

/** A fresh process loads TypeScript through the code cache, parses a file and says what it saw. */
function load(cacheDir: string, env: Record<string, string> = {}): { loadedBy: string; kind: string; files: string[] } {
  const script = `
    const Module = require('node:module');
    const { loadTypeScriptWithCodeCache, defaultCompileCacheDir } = require(${JSON.stringify(MODULE)});
    loadTypeScriptWithCodeCache(defaultCompileCacheDir());
    const file = require.resolve('typescript');
    const loadedBy = require.cache[file] ? (require.cache[file].loaded ? 'code cache loader' : 'partial') : 'nobody';
    const ts = require('typescript');
    const sf = ts.createSourceFile('a.ts', 'const x = flags.isEnabled("k");', ts.ScriptTarget.Latest);
    console.log(JSON.stringify({ loadedBy, kind: ts.isVariableStatement(sf.statements[0]) ? 'VariableStatement' : 'other' }));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_COMPILE_CACHE: cacheDir, ...env } });
  assert.equal(r.status, 0, r.stderr);
  const dir = path.join(cacheDir, 'flagsweep');
  return { ...JSON.parse(r.stdout), files: fs.existsSync(dir) ? fs.readdirSync(dir) : [] };
}

describe('cache: the V8 code cache of the TypeScript compiler', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(MODULE)) throw new Error(`${MODULE} is missing: run "npx tsc -b" at the repo root first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-code-cache-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the first process writes the cache at exit; the next loads TypeScript from it and parses as usual', () => {
    const first = load(dir);
    assert.equal(first.loadedBy, 'code cache loader');
    assert.equal(first.kind, 'VariableStatement');
    assert.equal(first.files.filter((f) => f.endsWith('.v8')).length, 1);
    const size = fs.statSync(path.join(dir, 'flagsweep', first.files[0])).size;
    assert.ok(size > 100_000, `cache of ${size} bytes`);
    const second = load(dir);
    assert.equal(second.loadedBy, 'code cache loader');
    assert.equal(second.kind, 'VariableStatement');
    assert.deepEqual(second.files, first.files);
  });

  it('a corrupt cache file is rejected by V8 and rewritten; TypeScript still loads', () => {
    load(dir);
    const [file] = fs.readdirSync(path.join(dir, 'flagsweep')).filter((f) => f.endsWith('.v8'));
    fs.writeFileSync(path.join(dir, 'flagsweep', file), 'not a code cache');
    const again = load(dir);
    assert.equal(again.kind, 'VariableStatement');
    assert.ok(fs.statSync(path.join(dir, 'flagsweep', file)).size > 100_000);
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off: TypeScript loads the ordinary way and nothing is written', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-code-cache-off-'));
    try {
      const off = load(other, { NODE_DISABLE_COMPILE_CACHE: '1' });
      assert.equal(off.loadedBy, 'nobody');
      assert.equal(off.kind, 'VariableStatement');
      assert.deepEqual(off.files, []);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('a cache folder others can write to is neither read nor written (cached data is code V8 would run)', () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-code-cache-shared-'));
    try {
      fs.mkdirSync(path.join(shared, 'flagsweep'));
      fs.chmodSync(path.join(shared, 'flagsweep'), 0o777);
      const first = load(shared);
      assert.equal(first.kind, 'VariableStatement');
      assert.deepEqual(first.files, []);
      fs.chmodSync(path.join(shared, 'flagsweep'), 0o700);
      assert.equal(load(shared).files.filter((f) => f.endsWith('.v8')).length, 1);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });
});
