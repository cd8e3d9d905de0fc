import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../src/report/json';
import { copyFixture, FIXTURES, runCli } from './helpers';

const demo = path.join(FIXTURES, 'demo-app');

describe('flagsweep scan on the demo app', () => {
  let report: JsonReport;

  before(() => {
    const run = runCli(['scan', demo, '--format', 'json', '--now', '2026-11-22']);
    assert.equal(run.status, 0, run.stderr);
    report = JSON.parse(run.stdout);
  });

  it('writes the versioned JSON shape', () => {
    assert.equal(report.version, 1);
    assert.equal(report.now, '2026-11-22');
    assert.deepEqual(report.summary.byStatus, { expired: 1, expiring: 1, stale: 1, missing: 1, unused: 1, active: 3 });
  });

  it('gives every flag its status and reason', () => {
    const rows = Object.fromEntries(report.flags.map((f) => [f.key, [f.status, f.reason]]));
    assert.deepEqual(rows, {
      'beta-dashboard': ['unused', 'defined in flags.flagd.json but no code reads it'],
      'dark-mode': ['active', 'no single value (fractional split on 50% / off 50%); read in 1 place; expires on 2027-01-31'],
      'holiday-banner': ['expiring', 'expires on 2026-12-01 (in 9 days)'],
      'legacy-payments': ['missing', 'read in 1 place but not defined in flags.flagd.json: every check evaluates to the code default'],
      'new-checkout': ['expired', 'expired on 2026-11-19 (3 days ago) and still read in 1 place'],
      'new-search': ['stale', 'serves `true` to everyone since 2026-09-01 (82 days; stale after 30)'],
      'nightly-reindex': ['active', 'OFF: serves the code default; read in 1 place; permanent (@expires never)'],
      'pricing-experiment': ['active', 'no single value (fractional split control 34% / tiered 33% / flat 33%); read in 1 place; expires on 2027-01-10'],
    });
  });

  it('locates usages with repo-relative paths, 1-based lines and columns, and the check kind', () => {
    const usages = Object.fromEntries(report.flags.map((f) => [f.key, f.usages.map((u) => `${u.file}:${u.line}:${u.column} ${u.kind} ${u.sdk}`)]));
    assert.deepEqual(usages['new-checkout'], ['src/web/CheckoutPage.tsx:7:23 call unleash']);
    assert.deepEqual(usages['dark-mode'], ['src/web/Header.tsx:4:11 destructure launchdarkly']);
    assert.deepEqual(usages['holiday-banner'], ['src/web/Banner.tsx:5:16 call openfeature']);
    assert.deepEqual(usages['new-search'], ['src/server/search.ts:7:17 call openfeature']);
    assert.deepEqual(usages['pricing-experiment'], ['src/server/pricing.ts:6:19 call launchdarkly']);
    assert.deepEqual(usages['nightly-reindex'], ['src/server/jobs.ts:7:7 call unleash']);
    assert.deepEqual(usages['legacy-payments'], ['src/server/payments.ts:5:7 call custom']);
  });

  it('joins annotations from the constants module and metadata from the flag file', () => {
    const flag = report.flags.find((f) => f.key === 'new-checkout')!;
    assert.equal(flag.owner, 'payments');
    assert.equal(flag.expires, '2026-11-19');
    assert.equal(flag.daysToExpiry, -3);
    assert.equal(flag.winningValue, true);
    assert.equal(flag.description, 'One-page checkout with saved cards');
    assert.deepEqual(flag.declarations.map((d) => `${d.name} ${d.file}:${d.line}`), ['FLAGS.NEW_CHECKOUT src/flags.ts:9']);
  });

  it('reads the body of a declared wrapper (the isFeatureOn pattern) as the wrapper, not as a dynamic key', () => {
    // Its callers are the flag reads, and they resolve; the body's `getBooleanValue(key, false)` is not a finding.
    assert.deepEqual(report.dynamic, []);
    assert.ok(report.flags.find((f) => f.key === 'legacy-payments')?.usages.some((u) => u.file === 'src/server/payments.ts'), 'the wrapper\'s caller is a usage');
  });

  it('prints a readable text report grouped by status, without colors in a pipe', () => {
    const run = runCli(['scan', demo, '--now', '2026-11-22']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!run.stdout.includes('\u001b['), 'no ANSI codes outside a TTY');
    const order = ['EXPIRED', 'EXPIRING', 'STALE', 'MISSING', 'UNUSED', 'ACTIVE'].map((h) => run.stdout.indexOf(h));
    assert.ok(!run.stdout.includes('DYNAMIC KEYS'), 'no dynamic keys in the demo: the wrapper is declared');
    assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1])), `headings in order: ${order}`);
    assert.match(run.stdout, /new-checkout\s+owner payments · expires 2026-11-19 · winning value `true` · 1 usage/);
    assert.match(run.stdout, /Summary: 1 expired · 1 expiring · 1 stale · 1 missing · 1 unused · 3 active/);
  });

  it('honours FLAGSWEEP_NOW and writes --output', () => {
    const dir = copyFixture('demo-app');
    const out = path.join(dir, 'report.json');
    const run = runCli(['scan', '.', '--format', 'json', '--output', out], { cwd: dir, env: { FLAGSWEEP_NOW: '2026-11-18' } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    const written: JsonReport = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(written.flags.find((f) => f.key === 'new-checkout')!.status, 'stale');
  });
});

describe('flagsweep scan: bad input', () => {
  it('a bad config is one line naming the file, the JSON path and the expectation; exit 2', () => {
    const dir = copyFixture('demo-app');
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), '{ "lifecycle": { "staleAfterDays": "thirty" } }');
    const run = runCli(['scan', dir]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `flagsweep: ${path.join(dir, 'flagsweep.config.json')}: $.lifecycle.staleAfterDays: expected number\n`);
    assert.equal(run.stdout, '');
  });

  it('a malformed --now is a usage error', () => {
    const run = runCli(['scan', demo, '--now', '22/11/2026']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'flagsweep: --now: "22/11/2026" is not a date: expected YYYY-MM-DD\n');
  });

  const USAGE_ERRORS: { args: string[]; stderr: string }[] = [
    { args: ['scan', 'no/such/dir', '--now', '2026-11-22'], stderr: 'flagsweep: no/such/dir: no such file or folder\n' },
    { args: ['check', 'test-fixtures/demo-app/src/nope.ts', '--now', '2026-11-22'], stderr: 'flagsweep: test-fixtures/demo-app/src/nope.ts: no such file or folder\n' },
    { args: ['report', 'test-fixtures/demo-app', 'missing', '--no-git', '--now', '2026-11-22'], stderr: 'flagsweep: missing: no such file or folder\n' },
    { args: ['sources', 'no-such-folder'], stderr: 'flagsweep: no-such-folder: no such file or folder\n' },
    { args: ['scan', 'test-fixtures/demo-app', '--now', ''], stderr: 'flagsweep: --now: "" is not a date: expected YYYY-MM-DD\n' },
  ];
  for (const { args, stderr } of USAGE_ERRORS) {
    it(`usage error, one line, exit 2: flagsweep ${args.map((a) => (a === '' ? "''" : a)).join(' ')}`, () => {
      const run = runCli(args);
      assert.equal(run.stderr, stderr);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
    });
  }

  it('a malformed flag in the flag file is a warning at its line and column; the scan goes on (exit 0)', () => {
    const dir = copyFixture('demo-app');
    const file = path.join(dir, 'flags.flagd.json');
    const flags = JSON.parse(fs.readFileSync(file, 'utf8'));
    flags.flags['dark-mode'].state = 'ON';
    fs.writeFileSync(file, JSON.stringify(flags, null, 2));
    const run = runCli(['scan', dir, '--now', '2026-11-22']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\n {2}flags\.flagd\.json:\d+:\d+: \$\.flags\["dark-mode"\]\.state: expected one of "ENABLED", "DISABLED", got "ON"; flag "dark-mode" skipped\n/);
  });

  it('an unknown option or format is a usage error', () => {
    assert.equal(runCli(['scan', demo, '--fromat', 'json']).status, 2);
    const run = runCli(['scan', demo, '--format', 'xml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /argument 'xml' is invalid\. Allowed choices are text, json/);
  });

  it('an unparseable file is listed as skipped with the reason and the scan goes on', () => {
    const dir = copyFixture('demo-app');
    fs.writeFileSync(path.join(dir, 'src/web/Broken.tsx'), "import { useFlag } from '@unleash/proxy-client-react';\nexport const x = useFlag('dark-mode' <<;\n");
    const run = runCli(['scan', dir, '--format', 'json', '--now', '2026-11-22']);
    assert.equal(run.status, 0, run.stderr);
    const report: JsonReport = JSON.parse(run.stdout);
    assert.equal(report.skipped.length, 1);
    assert.equal(report.skipped[0].file, 'src/web/Broken.tsx');
    assert.equal(report.skipped[0].reason, '2:40 syntax error: Expression expected.');
    assert.equal(report.summary.flags, 8);
  });
});
