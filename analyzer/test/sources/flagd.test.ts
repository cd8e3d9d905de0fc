import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../src/config';
import type { Diagnostic, Winner } from '../../src/model';
import { findFlagdKeyRange, loadFlagStates, parseFlagdDocument } from '../../src/sources';

const fixtures = path.resolve(__dirname, '../../../test-fixtures');
const read = (dir: string, file: string) => fs.readFileSync(path.join(fixtures, dir, file), 'utf8');

describe('flagd source: winner of each flag shape (sources-flagd-winners)', () => {
  const table: { file: string; key: string; winner: Winner; ruleCount: number; rollout?: { variant: string; weight: number }[] }[] = [
    { file: 'disabled.flagd.json', key: 'legacy-search', winner: { kind: 'code-default' }, ruleCount: 0 },
    { file: 'enabled-no-targeting.flagd.json', key: 'new-checkout', winner: { kind: 'value', value: true, variant: 'on' }, ruleCount: 0 },
    { file: 'empty-targeting.flagd.json', key: 'search-v2', winner: { kind: 'value', value: 'semantic', variant: 'v2' }, ruleCount: 0 },
    { file: 'null-default-variant.flagd.json', key: 'onboarding-tour', winner: { kind: 'code-default' }, ruleCount: 0 },
    { file: 'targeting-rules.flagd.json', key: 'premium-banner', winner: { kind: 'none', reason: '2 targeting rules' }, ruleCount: 2 },
    {
      file: 'fractional-split.flagd.json',
      key: 'checkout-v2',
      winner: { kind: 'none', reason: 'fractional split on 50% / off 50%' },
      ruleCount: 0,
      rollout: [ { variant: 'on', weight: 50 }, { variant: 'off', weight: 50 } ],
    },
    {
      file: 'fractional-one-bucket-100.flagd.json',
      key: 'checkout-v2',
      winner: { kind: 'value', value: true, variant: 'on' },
      ruleCount: 0,
      rollout: [ { variant: 'on', weight: 100 }, { variant: 'off', weight: 0 } ],
    },
    {
      file: 'rules-and-split.flagd.json',
      key: 'pricing-page',
      winner: { kind: 'none', reason: '1 targeting rule and a fractional split a 25% / b 75%' },
      ruleCount: 1,
      rollout: [ { variant: 'a', weight: 25 }, { variant: 'b', weight: 75 } ],
    },
    { file: 'evaluator-ref.flagd.json', key: 'staff-tools', winner: { kind: 'none', reason: '1 targeting rule' }, ruleCount: 1 },
    { file: 'all-branches-same-variant.flagd.json', key: 'dark-mode', winner: { kind: 'value', value: true, variant: 'on' }, ruleCount: 1 },
    { file: 'computed-variant.flagd.json', key: 'theme', winner: { kind: 'none', reason: 'targeting computes the variant at evaluation time' }, ruleCount: 0 },
  ];
  it('has one fixture per table row', () => {
    assert.deepEqual(fs.readdirSync(path.join(fixtures, 'sources-flagd-winners')).sort(), table.map((r) => r.file).sort());
  });
  for (const row of table) {
    it(`${row.file} → ${row.winner.kind}`, () => {
      const { states, diagnostics } = parseFlagdDocument(read('sources-flagd-winners', row.file), row.file);
      assert.deepEqual(diagnostics, []);
      assert.equal(states.length, 1);
      const [state] = states;
      assert.equal(state.key, row.key);
      assert.deepEqual(state.winner, row.winner);
      assert.equal(state.ruleCount, row.ruleCount);
      assert.deepEqual(state.rollout, row.rollout);
      assert.equal(state.hasTargeting, row.ruleCount > 0 || row.rollout !== undefined || row.file === 'computed-variant.flagd.json');
    });
  }
});

describe('flagd source: malformed input (sources-flagd-malformed)', () => {
  const table: { file: string; loaded: string[]; diagnostics: Omit<Diagnostic, 'where'>[] }[] = [
    {
      file: 'invalid-json.flagd.json',
      loaded: [],
      diagnostics: [{ severity: 'error', line: 3, column: 43, message: 'invalid JSON at line 3, column 43: property name expected; no flags loaded' }],
    },
    {
      file: 'not-an-object.flagd.json',
      loaded: [],
      diagnostics: [{ severity: 'error', line: 1, column: 1, message: '$: expected an object with a "flags" field, got array; no flags loaded' }],
    },
    {
      file: 'missing-flags.flagd.json',
      loaded: [],
      diagnostics: [{ severity: 'error', line: 1, column: 1, message: '$: missing "flags": expected an object of flags; no flags loaded' }],
    },
    {
      file: 'bad-state.flagd.json',
      loaded: ['dark-mode'],
      diagnostics: [{ severity: 'error', line: 3, column: 32, message: '$.flags["new-checkout"].state: expected one of "ENABLED", "DISABLED", got "on"; flag "new-checkout" skipped' }],
    },
    {
      file: 'missing-variants.flagd.json',
      loaded: [],
      diagnostics: [{ severity: 'error', line: 1, column: 30, message: '$.flags["new-checkout"].variants: required field is missing; flag "new-checkout" skipped' }],
    },
    {
      file: 'default-variant-not-a-variant.flagd.json',
      loaded: [],
      diagnostics: [
        { severity: 'error', line: 1, column: 117, message: '$.flags["banner-color"].defaultVariant: "green" is not one of the variants ("red", "blue"); flag "banner-color" skipped' },
      ],
    },
    {
      file: 'mixed-variant-types.flagd.json',
      loaded: [],
      diagnostics: [
        { severity: 'error', line: 1, column: 59, message: '$.flags.retries.variants: variants mix number and string values; flagd requires one type per flag; flag "retries" skipped' },
      ],
    },
    {
      file: 'bad-fractional-bucket.flagd.json',
      loaded: [],
      diagnostics: [
        {
          severity: 'error',
          line: 7,
          column: 37,
          message: '$.flags["checkout-v2"].targeting.fractional[0]: expected a bucket ["variant", weight] with a weight >= 0; flag "checkout-v2" skipped',
        },
      ],
    },
    {
      file: 'unknown-evaluator-ref.flagd.json',
      loaded: [],
      diagnostics: [
        { severity: 'error', line: 7, column: 39, message: '$.flags["staff-tools"].targeting.if[0].$ref: $ref "isStaff" is not defined in $evaluators; flag "staff-tools" skipped' },
      ],
    },
    {
      file: 'bad-expires-metadata.flagd.json',
      loaded: ['new-checkout'],
      diagnostics: [
        { severity: 'error', line: 7, column: 32, message: '$.flags["new-checkout"].metadata.expires: expected a date YYYY-MM-DD or "never", got "next quarter"; ignored' },
      ],
    },
    {
      file: 'metadata-not-a-primitive.flagd.json',
      loaded: [],
      diagnostics: [
        { severity: 'error', line: 7, column: 31, message: '$.flags["new-checkout"].metadata.owners: expected a string, number or boolean, got array; flag "new-checkout" skipped' },
      ],
    },
    {
      file: 'duplicate-flag-key.flagd.json',
      loaded: ['new-checkout'],
      diagnostics: [{ severity: 'error', line: 4, column: 5, message: '$.flags["new-checkout"]: the flag is defined twice; the later definition is skipped' }],
    },
  ];
  it('has one fixture per table row', () => {
    assert.deepEqual(fs.readdirSync(path.join(fixtures, 'sources-flagd-malformed')).sort(), table.map((r) => r.file).sort());
  });
  for (const row of table) {
    it(`${row.file}: ${row.diagnostics[0].message}`, () => {
      const { states, diagnostics } = parseFlagdDocument(read('sources-flagd-malformed', row.file), `fixtures/${row.file}`);
      assert.deepEqual(diagnostics, row.diagnostics.map((d) => ({ where: `fixtures/${row.file}`, ...d })));
      assert.deepEqual(states.map((s) => s.key), row.loaded);
    });
  }
  it('keeps the well-formed fields of a flag whose expires is malformed', () => {
    const { states } = parseFlagdDocument(read('sources-flagd-malformed', 'bad-expires-metadata.flagd.json'), 'f.json');
    assert.equal(states[0].owner, 'team-payments');
    assert.equal(states[0].expires, undefined);
  });
});

describe('flagd source: metadata, key locator and loadFlagStates (sources-flagd-basic)', () => {
  const dir = path.join(fixtures, 'sources-flagd-basic');
  it('maps per-flag metadata (updatedAt as constantSince) and falls back to the file-level metadata', () => {
    const { states } = parseFlagdDocument(read('sources-flagd-basic', 'flags.flagd.json'), 'flags.flagd.json');
    const byKey = new Map(states.map((s) => [s.key, s]));
    assert.deepEqual(byKey.get('new-checkout'), {
      key: 'new-checkout',
      source: 'flagd:flags.flagd.json',
      exists: true,
      enabled: true,
      variants: { on: true, off: false },
      defaultVariant: 'on',
      servedValue: true,
      hasTargeting: false,
      ruleCount: 0,
      winner: { kind: 'value', value: true, variant: 'on' },
      owner: 'team-payments',
      expires: '2026-10-01',
      flagType: 'release',
      description: 'New checkout flow',
      createdAt: '2026-06-01',
      constantSince: '2026-08-15T09:30:00Z',
    });
    assert.equal(byKey.get('dark-mode')?.owner, 'team-web');
    assert.equal(byKey.get('dark-mode')?.expires, 'never');
    assert.deepEqual(byKey.get('dark-mode')?.tags, ['ui', 'theme']);
    assert.equal(byKey.get('dark-mode')?.servedValue, null);
    assert.deepEqual(byKey.get('banner-color')?.winner, { kind: 'none', reason: '1 targeting rule' });
  });

  it('reads a file saved with a UTF-8 byte-order mark, offsets unchanged', () => {
    const text = read('sources-flagd-basic', 'flags.flagd.json');
    assert.deepEqual(parseFlagdDocument(`\uFEFF${text}`, 'flags.flagd.json'), parseFlagdDocument(text, 'flags.flagd.json'));
    assert.equal(findFlagdKeyRange(`\uFEFF${text}`, 'dark-mode')!.start, findFlagdKeyRange(text, 'dark-mode')!.start + 1);
  });

  it('locates a flag key in the file text, also while the text has a syntax error', () => {
    const text = read('sources-flagd-basic', 'flags.flagd.json');
    const range = findFlagdKeyRange(text, 'dark-mode');
    assert.ok(range);
    assert.equal(text.slice(range.start, range.end), '"dark-mode"');
    assert.equal(text.indexOf('"dark-mode"'), range.start);
    const broken = text.replace('"state": "DISABLED",', '"state": "DISABLED",,');
    assert.equal(broken.slice(findFlagdKeyRange(broken, 'banner-color')!.start).startsWith('"banner-color"'), true);
    assert.equal(findFlagdKeyRange(text, 'no-such-flag'), undefined);
  });

  it('loadFlagStates reads the configured file relative to the config root', async () => {
    const config = loadConfig(dir);
    const { states, snapshots, diagnostics } = await loadFlagStates(config, { env: {} });
    assert.deepEqual([...states.keys()].sort(), ['banner-color', 'dark-mode', 'new-checkout']);
    assert.equal(snapshots.length, 1);
    assert.equal(snapshots[0].id, 'flagd:flags.flagd.json');
    assert.equal(snapshots[0].health, 'ok');
    assert.deepEqual(diagnostics, []);
  });

  it('loadFlagStates prefers unsaved editor text from readFile', async () => {
    const config = loadConfig(dir);
    const file = path.join(dir, 'flags.flagd.json');
    const edited = read('sources-flagd-basic', 'flags.flagd.json').replace('"state": "DISABLED"', '"state": "ENABLED"');
    const { states } = await loadFlagStates(config, { env: {}, readFile: (p) => (p === file ? edited : undefined) });
    assert.equal(states.get('dark-mode')?.enabled, true);
  });

  it('a missing flag file is a warning, not a crash', async () => {
    const config = loadConfig(path.join(fixtures, 'sources-flagd-winners'));
    const { states, snapshots, diagnostics } = await loadFlagStates(config, { env: {} });
    assert.equal(states.size, 0);
    assert.equal(snapshots[0].health, 'error');
    const file = path.join(fixtures, 'sources-flagd-winners', 'flags.flagd.json');
    assert.deepEqual(diagnostics, [{ severity: 'warning', where: file, message: `no flag file at ${file}: every flag in code will show as missing` }]);
  });
});
