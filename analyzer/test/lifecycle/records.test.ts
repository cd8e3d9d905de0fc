import { strict as assert } from 'node:assert';
import { buildRecords, camelCaseKey, parseToday, type BuildRecordsInput } from '../../src/lifecycle';
import type { FlagCheck, FlagState, KeyDeclaration } from '../../src/model';

const lifecycle = { staleAfterDays: 30, warnBeforeExpiryDays: 14, maxLifetimeDays: { release: 90, experiment: 60 }, permanentTypes: ['ops', 'permission'] };
const now = parseToday('2026-11-22');
const range = { start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };

function check(key: string | null, extra: Partial<FlagCheck> = {}): FlagCheck {
  return { key, file: '/p/src/a.ts', range, keyRange: range, kind: 'call', polarity: 'positive', evaluates: 'boolean', sdk: 'openfeature', pattern: 'x', keyOrigin: 'literal', ...extra };
}

function state(key: string, extra: Partial<FlagState> = {}): FlagState {
  return { key, source: 'flagd:flags.flagd.json', exists: true, enabled: true, variants: { on: true, off: false }, defaultVariant: 'on', hasTargeting: false, winner: { kind: 'value', value: true, variant: 'on' }, ...extra };
}

function records(input: Partial<BuildRecordsInput>) {
  return buildRecords({ checks: [], states: new Map(), lifecycle, now, sourceLabel: 'flags.flagd.json', ...input });
}

function statesOf(...list: FlagState[]) {
  return new Map(list.map((s) => [s.key, s]));
}

describe('flag records and status', () => {
  const table: { name: string; input: Partial<BuildRecordsInput>; status: string; reason: string; daysToExpiry?: number }[] = [
    {
      name: 'expired: annotated expiry in the past',
      input: { checks: [check('new-checkout', { annotation: { expires: '2026-11-19', owner: 'payments', file: '/p/a.ts', range, problems: [] } })], states: statesOf(state('new-checkout')) },
      status: 'expired',
      reason: 'expired on 2026-11-19 (3 days ago) and still read in 1 place',
      daysToExpiry: -3,
    },
    {
      name: 'expiring: within warnBeforeExpiryDays, expiry from the flag file metadata',
      input: { checks: [check('dark-mode'), check('dark-mode', { file: '/p/src/b.ts' })], states: statesOf(state('dark-mode', { expires: '2026-12-04', winner: { kind: 'none', reason: '50% rollout' } })) },
      status: 'expiring',
      reason: 'expires on 2026-12-04 (in 12 days)',
      daysToExpiry: 12,
    },
    {
      name: 'missing: read in code, not in the source',
      input: { checks: [check('ghost-flag'), check('ghost-flag')] },
      status: 'missing',
      reason: 'read in 2 places but not defined in flags.flagd.json: every check evaluates to the code default',
    },
    {
      name: 'missing: archived in the vendor',
      input: { checks: [check('old-banner')], states: statesOf(state('old-banner', { source: 'launchdarkly:production', archived: true })) },
      status: 'missing',
      reason: 'archived in launchdarkly:production but still read in 1 place: every check evaluates to the code default',
    },
    {
      name: 'stale: constant value for longer than staleAfterDays',
      input: { checks: [check('new-search')], states: statesOf(state('new-search', { constantSince: '2026-09-01' })) },
      status: 'stale',
      reason: 'serves `true` to everyone since 2026-09-01 (82 days; stale after 30)',
    },
    {
      name: 'stale: disabled for a long time serves the code default',
      input: { checks: [check('legacy-cart')], states: statesOf(state('legacy-cart', { enabled: false, winner: { kind: 'code-default' }, constantSince: '2026-01-01' })) },
      status: 'stale',
      reason: 'OFF: serves the code default since 2026-01-01 (325 days; stale after 30)',
    },
    {
      name: 'stale: the vendor says so',
      input: { checks: [check('promo')], states: statesOf(state('promo', { vendorStale: true, source: 'unleash:production' })) },
      status: 'stale',
      reason: 'marked stale in unleash:production',
    },
    {
      name: 'not stale: targeting decides, however old',
      input: { checks: [check('beta')], states: statesOf(state('beta', { winner: { kind: 'none', reason: '2 targeting rules' }, constantSince: '2025-01-01' })) },
      status: 'active',
      reason: 'no single value (2 targeting rules); read in 1 place; no expiry set',
    },
    {
      name: 'active: recently changed, permanent',
      input: { checks: [check('kill-switch', { annotation: { expires: 'never', flagType: 'ops', file: '/p/a.ts', range, problems: [] } })], states: statesOf(state('kill-switch', { constantSince: '2026-11-10' })) },
      status: 'active',
      reason: 'serves `true` to everyone; read in 1 place; permanent (@expires never)',
    },
    {
      name: 'unused: in the source, not in code',
      input: { states: statesOf(state('forgotten')) },
      status: 'unused',
      reason: 'defined in flags.flagd.json but no code reads it',
    },
    {
      name: 'unused: declared constant never read',
      input: { declarations: [{ key: 'orphan', name: 'FLAGS.ORPHAN', file: '/p/flags.ts', range } as KeyDeclaration] },
      status: 'unused',
      reason: 'declared as FLAGS.ORPHAN but no flag check reads it',
    },
    {
      name: 'expired wins over missing',
      input: { checks: [check('gone', { annotation: { expires: '2026-01-01', file: '/p/a.ts', range, problems: [] } })] },
      status: 'expired',
      reason: 'expired on 2026-01-01 (325 days ago) and still read in 1 place',
      daysToExpiry: -325,
    },
  ];

  for (const row of table) {
    it(row.name, () => {
      const [record] = records(row.input);
      assert.equal(record.status, row.status);
      assert.equal(record.reason, row.reason);
      assert.equal(record.daysToExpiry, row.daysToExpiry);
    });
  }

  it('maps LaunchDarkly camelCase member names to the source key', () => {
    const out = records({ checks: [check('newCheckout', { keyForm: 'camelCase', kind: 'destructure' })], states: statesOf(state('new-checkout')) });
    assert.deepEqual(out.map((r) => [r.key, r.usages.length, r.usages[0]?.key]), [['new-checkout', 1, 'new-checkout']]);
  });

  it('prefers the code annotation over source metadata, fills the rest from the source', () => {
    const [r] = records({
      checks: [check('x', { annotation: { owner: 'web-team', file: '/p/a.ts', range, problems: [] } })],
      states: statesOf(state('x', { owner: 'platform', description: 'From the file', flagType: 'release' })),
    });
    assert.deepEqual([r.owner, r.description, r.flagType], ['web-team', 'From the file', 'release']);
  });

  it('ignores dynamic checks and sorts records by key', () => {
    const out = records({ checks: [check('b'), check(null, { dynamic: { expression: 'k', reason: 'parameter' } }), check('a')] });
    assert.deepEqual(out.map((r) => r.key), ['a', 'b']);
  });

  it('a missing flag wins the code default', () => {
    assert.deepEqual(records({ checks: [check('x')] })[0].winner, { kind: 'code-default' });
  });

  it('camelCases kebab, snake and dotted keys', () => {
    assert.deepEqual(['new-checkout', 'dark_mode', 'a.b-c', 'plain'].map(camelCaseKey), ['newCheckout', 'darkMode', 'aBC', 'plain']);
  });

  it('rejects a malformed --now', () => {
    assert.throws(() => parseToday('2026-13-01'), /"2026-13-01" is not a date: expected YYYY-MM-DD/);
  });
});
