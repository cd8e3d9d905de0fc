import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FixtureRepo } from '../git/fixture-repo';
import { demoRepo, DEMO_APP } from '../report/demo-repo';
import { sarifValidator } from '../report/sarif-validator';
import { buildCli, flagsweep } from './cli';

describe('flagsweep check (built CLI over the demo app in a git repository)', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;

  before(() => {
    buildCli();
    repo = demoRepo();
  });
  after(() => repo.remove());

  it('fails (exit 1) on an expired flag by default and prints only what fails, with why and where', () => {
    const r = flagsweep(repo.dir, 'check', '--now', '2026-11-22');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        '✖ flagsweep check: 1 flag fails (--fail-on expired); expired: 1',
        '',
        'new-checkout  expired  owner payments, expires 2026-11-19 (3 days ago)',
        '  expired on 2026-11-19 (3 days ago) and still read in 1 place',
        '  src/web/CheckoutPage.tsx:7:23',
        '  fix: flagsweep cleanup new-checkout --value true',
        '',
      ].join('\n'),
    );
  });

  it('fails on every status listed in --fail-on and on nothing else', () => {
    const r = flagsweep(repo.dir, 'check', '--now', '2026-11-22', '--fail-on', 'expired,missing,stale');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✖ flagsweep check: 3 flags fail \(--fail-on expired,missing,stale\); expired: 1, missing: 1, stale: 1\n/);
    for (const key of ['new-checkout', 'legacy-payments', 'new-search']) assert.match(r.stdout, new RegExp(`^${key}  `, 'm'));
    for (const key of ['holiday-banner', 'beta-dashboard', 'dark-mode', 'nightly-reindex', 'pricing-experiment']) assert.ok(!r.stdout.includes(key), key);
  });

  it('passes (exit 0) when nothing has a failing status', () => {
    const r = flagsweep(repo.dir, 'check', '--now', '2026-11-01');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '✔ flagsweep check: no flag fails (--fail-on expired); 8 flags checked\n');
  });

  it('writes the failing usages as valid SARIF with --sarif', () => {
    const out = path.join(repo.dir, 'out', 'gate.sarif');
    const r = flagsweep(repo.dir, 'check', '--now', '2026-11-22', '--fail-on', 'expired,missing', '--sarif', out);
    assert.equal(r.code, 1);
    const log = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(sarifValidator()(log), []);
    assert.deepEqual(
      log.runs[0].results.map((x: any) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri]),
      [
        ['flagsweep/expired', 'src/web/CheckoutPage.tsx'],
        ['flagsweep/missing', 'src/server/payments.ts'],
      ],
    );
  });

  it('exits 2 with one line on stderr for usage and config errors', () => {
    const bogus = flagsweep(repo.dir, 'check', '--fail-on', 'expired,bogus');
    assert.equal(bogus.code, 2);
    assert.equal(bogus.stdout, '');
    assert.match(bogus.stderr, /^flagsweep: --fail-on: unknown status "bogus" \(expected one or more of expired, expiring, stale, missing, unused, active, naming\)\n$/);
    const badDate = flagsweep(repo.dir, 'check', '--now', '2026-13-01');
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--now/);
    const badRef = flagsweep(repo.dir, 'check', '--now', '2026-11-22', '--since', 'no-such-ref');
    assert.equal(badRef.code, 2);
    assert.match(badRef.stderr, /unknown git ref 'no-such-ref'/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-badconfig-'));
    try {
      fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), '{ "include": 42 }');
      const badConfig = flagsweep(dir, 'check', '--now', '2026-11-22');
      assert.equal(badConfig.code, 2);
      assert.match(badConfig.stderr, /flagsweep\.config\.json/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flagsweep check --since (PR mode over a real branch)', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;

  before(() => {
    buildCli();
    repo = demoRepo();
    repo.git('branch', 'base');
    // The "pull request": retouches the banner (an expiring flag) and nothing else.
    const banner = path.join(repo.dir, 'src/web/Banner.tsx');
    const text = fs.readFileSync(banner, 'utf8').split('\n');
    const line = text.findIndex((l) => /holiday-banner|HOLIDAY_BANNER/.test(l));
    text[line] = `${text[line]} `;
    fs.writeFileSync(banner, text.join('\n'));
    repo.commitAll('pr: banner copy', '2026-11-20');
  });
  after(() => repo.remove());

  it('limits the gate to flags whose usages changed since the ref', () => {
    const expiredOnly = flagsweep(repo.dir, 'check', '--now', '2026-11-22', '--since', 'base');
    assert.equal(expiredOnly.code, 0, expiredOnly.stdout);
    assert.equal(expiredOnly.stdout, '✔ flagsweep check: no flag fails (--fail-on expired); 1 flag touched since base checked\n');
    const expiring = flagsweep(repo.dir, 'check', '--now', '2026-11-22', '--since', 'base', '--fail-on', 'expired,expiring');
    assert.equal(expiring.code, 1);
    assert.match(expiring.stdout, /^✖ flagsweep check: 1 flag touched since base fails/);
    assert.match(expiring.stdout, /^holiday-banner  expiring/m);
    assert.match(expiring.stdout, /src\/web\/Banner\.tsx:\d+:\d+  \(changed\)/);
  });

  it('catches a new usage of an expired flag, committed or not', () => {
    fs.writeFileSync(
      path.join(repo.dir, 'src/web/Upsell.tsx'),
      [
        "import { useFlag } from '@openfeature/react-sdk';",
        '',
        'export function Upsell() {',
        "  const { value: onePage } = useFlag('new-checkout', false);",
        "  return onePage ? 'one page' : 'classic';",
        '}',
        '',
      ].join('\n'),
    );
    const r = flagsweep(repo.dir, 'check', '--now', '2026-11-22', '--since', 'base');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^✖ flagsweep check: 1 flag touched since base fails \(--fail-on expired\); expired: 1/);
    assert.match(r.stdout, /^new-checkout  expired/m);
    assert.match(r.stdout, /src\/web\/Upsell\.tsx:4:\d+  \(changed\)/);
    assert.match(r.stdout, /src\/web\/CheckoutPage\.tsx:7:23\n/, 'the unchanged usage is listed without the marker');
  });
});

describe('flagsweep report (built CLI)', function () {
  this.timeout(120_000);
  let plain: string;

  before(() => {
    buildCli();
    plain = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-nogit-'));
    fs.cpSync(DEMO_APP, plain, { recursive: true });
  });
  after(() => fs.rmSync(plain, { recursive: true, force: true }));

  it('outside a git repository notes that ages are skipped and still exits 0', () => {
    const r = flagsweep(plain, 'report', '--format', 'json', '--now', '2026-11-22');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.debt.git.used, false);
    assert.match(json.debt.git.notes[0], /not inside a git repository/);
    assert.equal(json.flags.find((f: any) => f.key === 'new-checkout').removableLines, 14);
    // No blame: the age falls back to the creation date the flag source gives.
    assert.equal(json.flags.find((f: any) => f.key === 'new-checkout').ageSource, 'source');
    assert.equal(json.flags.find((f: any) => f.key === 'legacy-payments').ageDays, null);
  });

  it('writes each format to --output, and rejects a bad --repo-url with exit 2', () => {
    for (const format of ['text', 'json', 'markdown', 'html', 'sarif', 'csv']) {
      const out = path.join(plain, 'out', `report.${format}`);
      const r = flagsweep(plain, 'report', '--format', format, '--output', out, '--now', '2026-11-22', '--no-git');
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.ok(fs.statSync(out).size > 200, format);
    }
    const bad = flagsweep(plain, 'report', '--format', 'markdown', '--repo-url', 'javascript:alert(1)');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--repo-url/);
    const badFormat = flagsweep(plain, 'report', '--format', 'pdf');
    assert.equal(badFormat.code, 2);
  });

  it('never draws a progress line when stderr is a pipe', () => {
    const r = flagsweep(plain, 'report', '--format', 'csv', '--now', '2026-11-22', '--no-git');
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
  });
});
