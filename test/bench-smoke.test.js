// `npm run bench` is run by hand and in no CI job, so a case that stopped matching the code it measures went unseen
// until someone needed its figures (the extension case called a function removed weeks before). This runs every
// case's whole code path on small corpora (FLAGSWEEP_BENCH_SMOKE=1, see bench/smoke.js): no timing is judged, but
// the cases' own correctness checks are (the scan finds the checks the generator wrote, cold and warm agree, the
// warm scan loads no TypeScript, the cleanup cleans every read with no new type error, ESLint and the CLI agree,
// the extension's index holds every check).
'use strict';
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');

describe('npm run bench, smoke run on small corpora', function () {
  this.timeout(600_000);
  let out;
  let status;

  before(() => {
    // The VS Code part of the extension case is left out in a smoke run (the extension's e2e tests drive VS Code).
    const r = spawnSync(process.execPath, [path.join(REPO, 'bench/run.js')], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, FLAGSWEEP_BENCH_SMOKE: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    out = `${r.stdout}${r.stderr}`;
    status = r.status;
  });

  it('runs every case to the end, with no fault', () => {
    assert.equal(status, 0, out.slice(-4000));
    for (const name of ['cleanup', 'eslint', 'extension', 'scan']) assert.match(out, new RegExp(`^== ${name}\\.js$`, 'm'));
    assert.doesNotMatch(out, /failed \(exit/);
  });

  it('scan: finds the checks the generator wrote, and prints the ripgrep comparison for both corpora', () => {
    const found = out.match(/checks found: (\d+) \(expected (\d+)\)/);
    assert.ok(found, out.slice(-4000));
    assert.equal(found[1], found[2]);
    assert.ok(Number(found[1]) > 0, 'the smoke corpus holds flag checks');
    assert.match(out, /^\| generated \| \d+ \| \d+ \| \d+ \| \d+ ms \| \d+ ms \| [\d.]+x \|/m);
    assert.match(out, /^\| calibrated \| \d+ \| \d+ \| \d+ \| \d+ ms \| \d+ ms \| [\d.]+x \|/m);
  });

  it('cleanup: cleans every read of the flag, verified with no new diagnostic', () => {
    const cleaned = out.match(/checks cleaned: (\d+)\/(\d+)/);
    assert.ok(cleaned, out.slice(-4000));
    assert.equal(cleaned[1], cleaned[2]);
    assert.match(out, /cleanup with verification wall time: \d+ ms \(mode types, \d+ files checked in \d+ ms, 0 new diagnostics, 0 errors\)/);
  });

  it('eslint: the plugin and the CLI report the same reads', () => {
    assert.match(out, /plugin vs CLI: unknown-flag reads: (\d+) vs \1 missing-flag usages \(same\)/);
    assert.match(out, /plugin vs CLI: reads without expiry: (\d+) vs \1 usages \(same\)/);
  });

  it("extension: the index holds every check and the providers' figures are printed", () => {
    const checks = out.match(/^extension index checks: (\d+)$/m);
    assert.ok(checks, out.slice(-4000));
    assert.ok(Number(checks[1]) > 0);
    assert.match(out, /^extension hover p95 ms \(budget 30\): [\d.]+$/m);
    assert.match(out, /^extension diagnostics refresh after edit p95 ms \(budget 200\): [\d.]+$/m);
  });
});
