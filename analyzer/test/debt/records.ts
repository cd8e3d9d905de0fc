import type { FlagCheck, FlagRecord, FlagState, FlagStatus, Winner } from '../../src/model';

/** Hand-built records for unit tests of the debt figures and reporters (no scanner involved). */
export const ROOT = '/repo/app';

export function check(key: string, file: string, line: number, column = 5, extra: Partial<FlagCheck> = {}): FlagCheck {
  const range = { start: 0, end: 10, line, column, endLine: line, endColumn: column + 30 };
  return {
    key,
    file: `${ROOT}/${file}`,
    range,
    keyRange: { ...range, column: column + 10 },
    kind: 'call',
    polarity: 'positive',
    evaluates: 'boolean',
    sdk: 'openfeature',
    pattern: '*.getBooleanValue(key=0)',
    keyOrigin: 'literal',
    defaultValue: false,
    ...extra,
  };
}

export function record(key: string, status: FlagStatus, usages: FlagCheck[], extra: Partial<FlagRecord> = {}): FlagRecord {
  const winner: Winner = extra.winner ?? { kind: 'value', value: true };
  return { key, status, reason: `${key} is ${status}`, usages, declarations: [], winner, ...extra };
}

export function state(key: string, extra: Partial<FlagState> = {}): FlagState {
  return {
    key,
    source: 'flagd:flags.flagd.json',
    exists: true,
    enabled: true,
    variants: { on: true, off: false },
    hasTargeting: false,
    winner: { kind: 'value', value: true, variant: 'on' },
    ...extra,
  };
}

/** Six flags, one per status, with owners, expiry dates and a tricky key/owner for escaping. */
export function sampleRecords(): FlagRecord[] {
  return [
    record('checkout-v2', 'expired', [check('checkout-v2', 'src/web/Checkout.tsx', 12), check('checkout-v2', 'src/server/pay.ts', 40, 9)], {
      owner: '@payments',
      expires: '2026-10-01',
      daysToExpiry: -52,
      reason: 'expired on 2026-10-01 (52 days ago)',
    }),
    record('ghost-flag', 'missing', [check('ghost-flag', 'src/web/Header.tsx', 7)], {
      winner: { kind: 'code-default' },
      reason: 'not defined in flags.flagd.json: every evaluation returns the code default',
    }),
    record('new-search', 'stale', [check('new-search', 'src/server/search.ts', 3)], {
      owner: '@search',
      reason: 'serves true to everyone for 45 days',
    }),
    record('promo-<b>banner</b>', 'expiring', [check('promo-<b>banner</b>', 'src/web/Banner.tsx', 5)], {
      owner: 'growth | "marketing"',
      expires: '2026-12-01',
      daysToExpiry: 9,
      winner: { kind: 'none', reason: '2 targeting rules' },
      reason: 'expires on 2026-12-01 (in 9 days)',
    }),
    record('old-experiment', 'unused', [], { owner: '@search', state: state('old-experiment', { createdAt: '2025-11-22T08:00:00Z' }), reason: 'defined but no code reads it' }),
    record('dark-mode', 'active', [check('dark-mode', 'src/web/Header.tsx', 20)], { owner: '@design', flagType: 'ops', expires: 'never' }),
  ];
}
