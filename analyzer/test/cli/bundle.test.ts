import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, REPO, runCli } from './helpers';

const DIST = path.join(REPO, 'analyzer/dist');

/**
 * dist/cli/main.js runs the esbuild bundle (dist/cli/bundle.js) through a V8 code cache when the bundle is at least
 * as new as the last tsc build, and the compiled modules otherwise. Checked on a copy of main.js beside stand-ins.
 */
describe('the CLI entry point: the bundle when it is current, the compiled modules otherwise', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-entry-'));
    fs.mkdirSync(path.join(dir, 'dist/cli'), { recursive: true });
    for (const folder of ['cache', 'fs']) fs.cpSync(path.join(DIST, folder), path.join(dir, 'dist', folder), { recursive: true });
    fs.copyFileSync(path.join(DIST, 'cli/main.js'), path.join(dir, 'dist/cli/main.js'));
    fs.mkdirSync(path.join(dir, 'dist/cli/commands'));
    fs.copyFileSync(path.join(DIST, 'cli/commands/index.js'), path.join(dir, 'dist/cli/commands/index.js'));
    fs.writeFileSync(path.join(dir, 'dist/cli/bundle.js'), "process.stdout.write('bundle');\n");
    fs.writeFileSync(path.join(dir, 'dist/cli/program.js'), "process.stdout.write('modules');\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string> = {}, args: string[] = []): string => {
    const r = spawnSync(process.execPath, [path.join(dir, 'dist/cli/main.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_COMPILE_CACHE: path.join(dir, 'v8'), ...env } });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const age = (rel: string, secondsAgo: number): void => {
    const t = Date.now() / 1000 - secondsAgo;
    fs.utimesSync(path.join(dir, rel), t, t);
  };

  it('an installed package (no tsc build info) runs the bundle, and keeps its code cache for the next run', () => {
    assert.equal(run(), 'bundle');
    assert.ok(fs.readdirSync(path.join(dir, 'v8/flagsweep')).some((f) => /^bundle-other-.*\.v8$/.test(f)));
    assert.equal(run(), 'bundle');
  });

  it('each command keeps its own code cache (it holds the functions that command ran)', () => {
    run({}, ['scan', '.']);
    run({}, ['check']);
    run({}, ['--version']);
    const caches = fs.readdirSync(path.join(dir, 'v8/flagsweep')).map((f) => f.replace(/-[0-9a-f]+\.v8$/, ''));
    assert.deepEqual(caches.sort(), ['bundle-check', 'bundle-other', 'bundle-scan']);
  });

  it('a checkout built by `npm run build` (bundle newer than the build info) runs the bundle', () => {
    fs.writeFileSync(path.join(dir, 'tsconfig.tsbuildinfo'), '{}');
    age('tsconfig.tsbuildinfo', 60);
    assert.equal(run(), 'bundle');
  });

  it('a checkout compiled by `tsc -b` after the last bundle runs the compiled modules, never stale code', () => {
    age('dist/cli/bundle.js', 60);
    fs.writeFileSync(path.join(dir, 'tsconfig.tsbuildinfo'), '{}');
    assert.equal(run(), 'modules');
  });

  it('without a bundle the compiled modules run; with the code cache turned off the bundle runs the ordinary way', () => {
    assert.equal(run({ NODE_DISABLE_COMPILE_CACHE: '1' }), 'bundle');
    assert.ok(!fs.existsSync(path.join(dir, 'v8')));
    fs.rmSync(path.join(dir, 'dist/cli/bundle.js'));
    assert.equal(run(), 'modules');
  });
});

describe('the built bundle', () => {
  const BUNDLE = path.join(DIST, 'cli/bundle.js');
  before(() => {
    const bundle = fs.statSync(BUNDLE, { throwIfNoEntry: false });
    const compiled = fs.statSync(path.join(REPO, 'analyzer/tsconfig.tsbuildinfo'), { throwIfNoEntry: false });
    if (!bundle || (compiled && compiled.mtimeMs > bundle.mtimeMs)) throw new Error(`${BUNDLE} is missing or older than the last tsc build: run "npm run build" first`);
  });

  const run = (file: string, args: string[]): string => {
    const r = spawnSync(process.execPath, [file, ...args], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };

  it('answers as the compiled modules do (a scan of the demo app, byte for byte), and is what the command runs', () => {
    const args = ['scan', path.join(FIXTURES, 'demo-app'), '--format', 'json', '--now', '2026-11-22'];
    const viaModules = run(path.join(DIST, 'cli/program.js'), args);
    assert.equal(run(BUNDLE, args), viaModules);
    assert.equal(runCli(args).stdout, viaModules);
    assert.ok(viaModules.includes('"new-checkout"'));
  });
});
