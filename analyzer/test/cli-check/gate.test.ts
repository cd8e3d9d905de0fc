import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKOUT_TS, flagFile, makeProject } from '../hostile/project';
import { sarifValidator } from '../report/sarif-validator';
import { buildCli, flagsweep } from './cli';

const NOW = ['--now', '2026-11-22'];
const BROKEN_TS = CHECKOUT_TS.replace("'new-checkout', false)", "'new-checkout', false");

describe('flagsweep check: gate semantics (built CLI over throw-away projects)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const project = (files: Record<string, string | null> = {}) => {
    const dir = makeProject(files);
    dirs.push(dir);
    return dir;
  };
  before(() => buildCli());
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  /** check exits 2 with exactly these stderr lines and writes nothing on stdout; scan exits 0 and warns with the same lines. */
  const assertGateError = (dir: string, lines: string[], scanLines: string[] = lines) => {
    const check = flagsweep(dir, 'check', ...NOW);
    assert.equal(check.code, 2, check.stderr);
    assert.equal(check.stdout, '');
    assert.equal(check.stderr, lines.map((l) => `flagsweep check: ${l}\n`).join(''));
    const scan = flagsweep(dir, 'scan', ...NOW);
    assert.equal(scan.code, 0, scan.stderr);
    assert.equal(scan.stderr, scanLines.map((l) => `flagsweep: warning: ${l}\n`).join(''));
  };

  it('the configured flag file does not exist', () => {
    const dir = project({ 'flagsweep.config.json': JSON.stringify({ include: ['src/**/*.ts'], source: { type: 'flagd', path: 'nope.flagd.json' } }) });
    assertGateError(dir, [`flag source flagd:nope.flagd.json cannot be used: no flag file at ${dir}/nope.flagd.json: every flag in code will show as missing`]);
  });

  it('the flag file is not valid JSON', () => {
    const dir = project({ 'flags.flagd.json': '{ "flags": { "new-checkout": ' });
    assertGateError(dir, ['flag source flagd:flags.flagd.json cannot be used: flags.flagd.json: invalid JSON at line 1, column 30: value expected; no flags loaded']);
  });

  it('the flag file does not follow the schema', () => {
    const dir = project({ 'flags.flagd.json': '{ "flags": [] }' });
    assertGateError(dir, ['flag source flagd:flags.flagd.json cannot be used: flags.flagd.json:1:12: $.flags: expected an object of flags, got array; no flags loaded']);
  });

  it('one flag of the file is malformed (skipped): its status would be a guess', () => {
    const dir = project({ 'flags.flagd.json': JSON.stringify({ flags: { 'new-checkout': { state: 'ON', variants: { on: true } }, other: JSON.parse(flagFile()).flags['new-checkout'] } }) });
    assertGateError(dir, ['flag source flagd:flags.flagd.json: flags.flagd.json:1:35: $.flags["new-checkout"].state: expected one of "ENABLED", "DISABLED", got "ON"; flag "new-checkout" skipped']);
  });

  it('an expiry in the flag file that does not parse is never silently "not failing"', () => {
    const dir = project({ 'flags.flagd.json': flagFile({ owner: 'payments', expires: '2026-19-11' }) });
    assertGateError(dir, [
      'flag source flagd:flags.flagd.json: flags.flagd.json:12:20: $.flags["new-checkout"].metadata.expires: expected a date YYYY-MM-DD or "never", got "2026-19-11"; ignored',
    ]);
  });

  it('a remote source with no token and no cache has no data', () => {
    const dir = project({ 'flagsweep.config.json': JSON.stringify({ source: [{ type: 'flagd' }, { type: 'unleash', url: 'http://127.0.0.1:1', tokenEnv: 'FLAGSWEEP_TEST_NO_SUCH_TOKEN' }] }) });
    assertGateError(dir, [
      'flag source unleash:production cannot be used: unleash production: no token: set $FLAGSWEEP_TEST_NO_SUCH_TOKEN to an Unleash Admin API token; no cached state to fall back on',
    ]);
  });

  it('include matches no file', () => {
    const dir = project({ 'flagsweep.config.json': JSON.stringify({ include: ['lib/**/*.ts'] }) });
    assertGateError(dir, [
      'no source file to check: nothing under . matches "include" (lib/**/*.ts) minus "exclude" (**/node_modules/**, **/dist/**, **/build/**, **/out/**, **/coverage/**, **/*.d.ts, **/*.min.js)',
    ]);
  });

  it('exclude is **', () => {
    const dir = project({ 'flagsweep.config.json': JSON.stringify({ exclude: ['**'] }) });
    assertGateError(dir, ['no source file to check: nothing under . matches "include" (**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}) minus "exclude" (**)']);
  });

  it('a file with a flag check does not parse; --allow-parse-errors lets the gate run and names it', () => {
    const dir = project({ 'src/broken.ts': BROKEN_TS });
    assertGateError(
      dir,
      ["src/broken.ts does not parse (3:63 syntax error: ')' expected.); fix it, exclude it, or pass --allow-parse-errors"],
      ["src/broken.ts does not parse (3:63 syntax error: ')' expected.); `check` fails on this"],
    );
    const allowed = flagsweep(dir, 'check', ...NOW, '--allow-parse-errors');
    assert.equal(allowed.code, 1, allowed.stderr);
    assert.equal(allowed.stderr, 'flagsweep check: note: 1 file not scanned (--allow-parse-errors): src/broken.ts\n');
    assert.match(allowed.stdout, /^✖ flagsweep check: 1 flag fails/);
  });

  it('a healthy project passes through (exit 1 on the expired flag, nothing on stderr)', () => {
    const r = flagsweep(project(), 'check', ...NOW);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
  });

  describe('--format and --output', () => {
    it('--format github: workflow annotations, escaped per GitHub rules, paths relative to GITHUB_WORKSPACE', () => {
      const dir = project({ 'flags.flagd.json': flagFile({ owner: 'pay,ments', expires: '2026-11-19' }) });
      const r = flagsweep(dir, 'check', ...NOW, '--format', 'github');
      assert.equal(r.code, 1);
      assert.equal(
        r.stdout,
        [
          '::error file=src/checkout.ts,line=3,endLine=3,col=19,endColumn=64,title=flagsweep%3A expired flag new-checkout::new-checkout: expired on 2026-11-19 (3 days ago) and still read in 1 place',
          '✖ flagsweep check: 1 flag fails (--fail-on expired); expired: 1',
          '',
        ].join('\n'),
      );
    });

    it('--format github: a gate error is also an annotation on the run (exit 2, nothing else on stdout)', () => {
      const dir = project({ 'flagsweep.config.json': JSON.stringify({ include: ['lib/**/*.ts'], exclude: [] }) });
      const r = flagsweep(dir, 'check', ...NOW, '--format', 'github');
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '::error title=flagsweep check::no source file to check: nothing under . matches "include" (lib/**/*.ts) minus "exclude" (nothing)\n');
      assert.equal(r.stderr, 'flagsweep check: no source file to check: nothing under . matches "include" (lib/**/*.ts) minus "exclude" (nothing)\n');
    });

    it('--format github escapes %, CR, LF and control characters in the message', () => {
      const { escapeData, escapeProperty } = require('../../src/report/github') as typeof import('../../src/report/github');
      assert.equal(escapeData('100% done\r\n\u001b[2J'), '100%25 done\\r\\n\\x1b[2J');
      assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
    });

    it('--format json: the verdict and the failing flags', () => {
      const r = flagsweep(project(), 'check', ...NOW, '--format', 'json');
      assert.equal(r.code, 1);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.gate, { failOn: ['expired'], passed: false, checked: 1, failing: 1 });
      assert.deepEqual(out.flags[0].usages, [{ file: 'src/checkout.ts', line: 3, column: 19, kind: 'call' }]);
      assert.equal(out.flags[0].fix, 'flagsweep cleanup new-checkout --value true');
    });

    it('--format sarif --output: valid SARIF written to the file, nothing on stdout', () => {
      const dir = project();
      const r = flagsweep(dir, 'check', ...NOW, '--format', 'sarif', '--output', 'out/check.sarif');
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out/check.sarif'), 'utf8'));
      const validate = sarifValidator();
      assert.ok(validate(sarif), JSON.stringify(validate.errors));
      assert.equal(sarif.runs[0].results.length, 1);
    });

    it('a gate error writes no --output and no --sarif', () => {
      const dir = project({ 'flags.flagd.json': '{' });
      const r = flagsweep(dir, 'check', ...NOW, '--output', 'check.txt', '--sarif', 'check.sarif');
      assert.equal(r.code, 2);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['flags.flagd.json', 'flagsweep.config.json', 'src']);
    });
  });
});
