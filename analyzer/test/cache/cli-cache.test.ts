import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, runCli } from '../cli/helpers';
import { cacheDir, CONFIG, edit, flagd, makeProject, write } from './project';

/** Preloaded into the CLI process: at exit it records whether the `typescript` package was ever loaded. */
const HOOK = `
const fs = require('node:fs');
process.on('exit', () => {
  const loaded = Object.keys(require.cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f));
  fs.writeFileSync(process.env.TS_PROBE_OUT, loaded ? 'loaded' : 'not loaded');
});
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  typescript: 'loaded' | 'not loaded';
}

describe('cache: flagsweep scan, check and report with --cache', function () {
  // Each test spawns the CLI several times; a shared 2-core machine can take seconds per spawn.
  this.timeout(180_000);
  let root: string;
  let scratch: string;
  let hook: string;

  before(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -b" at the repo root first`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-cache-cli-'));
    hook = path.join(scratch, 'probe.js');
    fs.writeFileSync(hook, HOOK);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  beforeEach(() => {
    root = makeProject();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}): Run => {
    const probe = path.join(scratch, `probe-${Math.random().toString(36).slice(2)}.txt`);
    const r = runCli(args, { cwd: root, nodeArgs: ['-r', hook], env: { TS_PROBE_OUT: probe, ...env } });
    const typescript = fs.readFileSync(probe, 'utf8') as Run['typescript'];
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, typescript };
  };
  const scanJson = (extra: string[] = [], env: Record<string, string> = {}): Run => run(['scan', '--format', 'json', '--now', '2026-12-01', ...extra], env);

  it('a warm re-scan where nothing changed does not load TypeScript, and reports exactly what the cold scan did', () => {
    const plain = scanJson();
    assert.equal(plain.status, 0, plain.stderr);
    assert.equal(plain.typescript, 'loaded', 'the project has files to parse: a scan without the cache loads TypeScript');
    const cold = scanJson(['--cache']);
    assert.equal(cold.typescript, 'loaded');
    assert.ok(fs.readdirSync(cacheDir(root)).some((f) => f.endsWith('.json')), 'the default --cache-location is node_modules/.cache/flagsweep/');
    const warm = scanJson(['--cache']);
    assert.equal(warm.status, 0, warm.stderr);
    assert.equal(warm.typescript, 'not loaded');
    assert.equal(warm.stdout, plain.stdout);
    assert.equal(cold.stdout, plain.stdout);
  });

  it('a project whose files the prefilter all rules out never loads TypeScript, even without the cache', () => {
    write(root, 'flagsweep.config.json', JSON.stringify({ ...CONFIG, patterns: [{ call: 'nobody.callsThis' }] }));
    const r = scanJson();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.typescript, 'not loaded');
  });

  it('after one edit, the warm scan parses again (TypeScript loads) and reports the edit', () => {
    scanJson(['--cache']);
    edit(root, 'src/theme.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const dark = flags.isEnabled('light-mode');\n");
    const warm = scanJson(['--cache']);
    assert.equal(warm.typescript, 'loaded');
    const keys = JSON.parse(warm.stdout).flags.map((f: { key: string }) => f.key).sort();
    assert.deepEqual(keys, ['checkout-v2', 'dark-mode', 'light-mode']);
  });

  it('a flag-file change is reflected (flag state is never cached)', () => {
    const before = JSON.parse(scanJson(['--cache']).stdout);
    write(root, 'flags.flagd.json', flagd({ 'checkout-v2': 'on' }));
    const afterRun = scanJson(['--cache']);
    assert.equal(afterRun.typescript, 'not loaded');
    const after = JSON.parse(afterRun.stdout);
    const status = (r: { flags: { key: string; status: string }[] }, key: string) => r.flags.find((f) => f.key === key)?.status;
    assert.notEqual(status(before, 'dark-mode'), 'missing');
    assert.equal(status(after, 'dark-mode'), 'missing');
  });

  it('--cache-location puts the cache where it says; check and report use it too', () => {
    const location = path.join(scratch, `elsewhere-${Math.random().toString(36).slice(2)}`);
    const first = run(['check', '--cache', '--cache-location', location, '--fail-on', 'missing', '--now', '2026-12-01']);
    assert.equal(first.status, 0, first.stderr);
    assert.ok(fs.readdirSync(location).some((f) => f.endsWith('.json')));
    assert.ok(!fs.existsSync(cacheDir(root)));
    const second = run(['check', '--cache', '--cache-location', location, '--fail-on', 'missing', '--now', '2026-12-01']);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.typescript, 'not loaded');
    assert.equal(second.stdout, first.stdout);
    const reportPlain = run(['report', '--format', 'json', '--no-git', '--now', '2026-12-01']);
    const reportCached = run(['report', '--cache', '--cache-location', location, '--format', 'json', '--no-git', '--now', '2026-12-01']);
    assert.equal(reportCached.status, 0, reportCached.stderr);
    assert.deepEqual(withoutTimes(JSON.parse(reportCached.stdout)), withoutTimes(JSON.parse(reportPlain.stdout)));
  });

  it('two processes writing the cache at once leave a whole cache file (temp file + rename)', async () => {
    // Enough files that the two writes overlap in time.
    for (let i = 0; i < 300; i++) write(root, `src/gen/f${i}.ts`, `export const v${i} = ${i};\n`.repeat(20));
    const spawnScan = () =>
      new Promise<number | null>((resolve) => {
        const p = spawn(process.execPath, [CLI, 'scan', '--cache', '--format', 'json', '--now', '2026-12-01'], { cwd: root, stdio: 'ignore' });
        p.on('exit', resolve);
      });
    const codes = await Promise.all([spawnScan(), spawnScan(), spawnScan()]);
    assert.deepEqual(codes, [0, 0, 0]);
    assert.deepEqual(fs.readdirSync(cacheDir(root)).filter((f) => f.endsWith('.tmp')), []);
    const warm = scanJson(['--cache']);
    assert.equal(warm.status, 0, warm.stderr);
    assert.equal(warm.typescript, 'not loaded', 'the cache left behind is whole and valid');
    assert.doesNotMatch(warm.stdout, /scan cache/);
  });

  it('the cache never holds a secret: the token of a remote source stays out of it', () => {
    const token = 'tok-5ecret-do-not-cache-91f3';
    write(root, 'flagsweep.config.json', JSON.stringify({ ...CONFIG, source: { type: 'unleash', url: 'http://127.0.0.1:9', environment: 'production' } }));
    const r = scanJson(['--cache', '--offline'], { UNLEASH_TOKEN: token });
    assert.notEqual(r.status, null);
    const files = fs.readdirSync(cacheDir(root));
    assert.ok(files.length > 0);
    for (const f of files) assert.ok(!fs.readFileSync(path.join(cacheDir(root), f)).includes(token), f);
  });
});

function withoutTimes(report: Record<string, unknown>): Record<string, unknown> {
  const { generatedAt: _g, durationMs: _d, ...rest } = report as Record<string, unknown> & { generatedAt?: unknown; durationMs?: unknown };
  return rest;
}
