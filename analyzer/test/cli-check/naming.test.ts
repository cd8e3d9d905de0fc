import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, flagsweep } from './cli';

/** A project whose code reads a wrongly cased key, an experiment without its prefix and a too long declared key. */
function namingProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-naming-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const flag = (extra = '') => `{ "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "on"${extra} }`;
  write('flagsweep.config.json', JSON.stringify({ sdks: ['openfeature'], keys: { case: 'kebab-case', prefixesByType: { experiment: ['exp-'] }, maxLength: 20 }, source: { type: 'flagd', path: 'flags.flagd.json' } }));
  write(
    'flags.flagd.json',
    `{ "flags": { "dark-mode": ${flag()}, "Legacy_Banner": ${flag()}, "pricing-test": ${flag(', "metadata": { "flagType": "experiment" }')}, "Unread_Flag": ${flag()}, "checkout-redesign-for-everyone": ${flag()} } }`,
  );
  write(
    'src/app.ts',
    [
      "import { OpenFeature } from '@openfeature/server-sdk';",
      'const client = OpenFeature.getClient();',
      "export const LONG_KEY = 'checkout-redesign-for-everyone';",
      'export async function run() {',
      "  await client.getBooleanValue('dark-mode', false);",
      "  await client.getBooleanValue('Legacy_Banner', false);",
      "  await client.getBooleanValue('pricing-test', false);",
      '  await client.getBooleanValue(LONG_KEY, false);',
      '}',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('flagsweep check --fail-on naming (built CLI)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    buildCli();
    dir = namingProject();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails (exit 1) on every key written in code that breaks the "keys" policy, saying how and where', () => {
    const r = flagsweep(dir, 'check', '--fail-on', 'naming', '--now', '2026-06-01');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      [
        '✖ flagsweep check: 3 flag keys break the naming policy (--fail-on naming)',
        '',
        'Legacy_Banner  naming',
        "  Flag key 'Legacy_Banner' is not kebab-case.",
        '  src/app.ts:6:32',
        '',
        'checkout-redesign-for-everyone  naming',
        "  Flag key 'checkout-redesign-for-everyone' is 30 characters long; keys may have at most 20.",
        '  src/app.ts:3:14',
        '',
        'pricing-test  naming',
        "  Flag key 'pricing-test' must start with 'exp-' (required for experiment flags).",
        '  src/app.ts:7:32',
        '',
      ].join('\n'),
    );
    assert.ok(!r.stdout.includes('Unread_Flag'), 'a key only the flag source knows is not the code to rename');
  });

  it('reports naming beside the statuses in one JSON document', () => {
    const r = flagsweep(dir, 'check', '--fail-on', 'expired,naming', '--now', '2026-06-01', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.gate, { failOn: ['expired', 'naming'], passed: false, checked: 5, failing: 3 });
    assert.deepEqual(report.flags, []);
    assert.deepEqual(
      report.naming.map((n: { key: string; sites: { file: string; line: number }[] }) => [n.key, n.sites.map((s) => `${s.file}:${s.line}`)]),
      [
        ['Legacy_Banner', ['src/app.ts:6']],
        ['checkout-redesign-for-everyone', ['src/app.ts:3']],
        ['pricing-test', ['src/app.ts:7']],
      ],
    );
  });

  it('passes (exit 0) when the policy is kept, and names the gate', () => {
    const config = path.join(dir, 'flagsweep.config.json');
    const original = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, JSON.stringify({ ...JSON.parse(original), keys: { maxLength: 40 } }));
    try {
      const r = flagsweep(dir, 'check', '--fail-on', 'naming', '--now', '2026-06-01');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.stdout, '✔ flagsweep check: every flag key follows the naming policy (--fail-on naming)\n');
    } finally {
      fs.writeFileSync(config, original);
    }
  });

  it('rejects an unknown gate name with exit 2 and lists naming among the choices', () => {
    const r = flagsweep(dir, 'check', '--fail-on', 'nameing');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fail-on: unknown status "nameing" \(expected one or more of .*, naming\)/);
  });
});
