// Builders for FlagRecords as the lifecycle core produces them, for the mapping tests.
import type { FlagCheck, FlagRecord, FlagState } from '@flagsweep/analyzer';

export function range(line: number, column: number, length: number, start = 0) {
  return { start, end: start + length, line, column, endLine: line, endColumn: column + length };
}

export function check(over: Partial<FlagCheck> = {}): FlagCheck {
  return {
    key: 'new-checkout',
    file: '/ws/src/checkout.tsx',
    range: range(5, 20, 22, 100),
    keyRange: range(5, 28, 14, 108),
    kind: 'call',
    polarity: 'positive',
    evaluates: 'boolean',
    sdk: 'unleash',
    pattern: 'useFlag(key=0)',
    keyOrigin: 'literal',
    ...over,
  };
}

export function state(over: Partial<FlagState> = {}): FlagState {
  return {
    key: 'new-checkout',
    source: 'flagd:flags.flagd.json',
    exists: true,
    enabled: true,
    variants: { on: true, off: false },
    defaultVariant: 'on',
    servedValue: true,
    hasTargeting: false,
    winner: { kind: 'value', value: true, variant: 'on' },
    ...over,
  };
}

export function record(over: Partial<FlagRecord> = {}): FlagRecord {
  const st = over.state === undefined && 'state' in over ? undefined : (over.state ?? state());
  return {
    key: 'new-checkout',
    status: 'expired',
    reason: 'expired on 2026-11-19 (3 days ago) and still read in 2 places across 2 files',
    usages: [check(), check({ file: '/ws/src/summary.ts', range: range(3, 5, 30, 40) })],
    declarations: [],
    expires: '2026-11-19',
    owner: 'payments',
    description: 'One-page checkout with saved cards',
    winner: st ? st.winner : { kind: 'code-default' },
    daysToExpiry: -3,
    ...over,
    state: st,
  };
}

export const NOW = new Date(Date.UTC(2026, 10, 22));
