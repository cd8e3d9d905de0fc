import type { LifecyclePolicy } from '../config/schema';
import type { FlagCheck, FlagState, FlagStatus, KeyDeclaration, Winner } from '../model';
import { daysBetween, formatDay, parseInstant, parseIsoDate, relativeDays } from './dates';
import { formatValue } from './state-words';

export interface StatusInput {
  key: string;
  usages: readonly FlagCheck[];
  /** Reads whose key is chosen at run time among a few, this one included. */
  possibleReads?: readonly FlagCheck[];
  declarations: readonly KeyDeclaration[];
  state?: FlagState;
  expires?: string;
  winner: Winner;
  lifecycle: LifecyclePolicy;
  now: Date;
  sourceLabel: string;
}

export interface StatusVerdict {
  status: FlagStatus;
  reason: string;
  daysToExpiry?: number;
}

/**
 * Decides a flag's status. Precedence, first match wins: unused (nothing reads it), expired (the team's own
 * deadline, what CI gates on), missing (not in the source: it evaluates to the code default), stale (one
 * constant value for too long, or the vendor says so), expiring, active.
 */
export function decideStatus(input: StatusInput): StatusVerdict {
  const { usages, state, lifecycle, now } = input;
  const expiry = input.expires && input.expires !== 'never' ? parseIsoDate(input.expires) : undefined;
  const daysToExpiry = expiry ? daysBetween(now, expiry) : undefined;
  const withDays = (v: Omit<StatusVerdict, 'daysToExpiry'>): StatusVerdict => (daysToExpiry === undefined ? v : { ...v, daysToExpiry });

  const possibleReads = input.possibleReads ?? [];
  if (usages.length === 0 && possibleReads.length === 0) return withDays({ status: 'unused', reason: unusedReason(input) });
  const where = usages.length > 0 ? usageCount(usages) : `${usageCount(possibleReads)} where the key is chosen at run time`;

  if (expiry && daysToExpiry !== undefined && daysToExpiry < 0) {
    return withDays({ status: 'expired', reason: `expired on ${formatDay(expiry)} (${relativeDays(daysToExpiry)}) and still read in ${where}` });
  }
  if (!state || !state.exists) {
    return withDays({ status: 'missing', reason: `read in ${where} but not defined in ${input.sourceLabel}: every check evaluates to the code default` });
  }
  if (state.archived) {
    return withDays({ status: 'missing', reason: `archived in ${state.source} but still read in ${where}: every check evaluates to the code default` });
  }
  const stale = staleReason(state, input.winner, lifecycle, now);
  if (stale) return withDays({ status: 'stale', reason: stale });
  if (expiry && daysToExpiry !== undefined && daysToExpiry <= lifecycle.warnBeforeExpiryDays) {
    return withDays({ status: 'expiring', reason: `expires on ${formatDay(expiry)} (${relativeDays(daysToExpiry)})` });
  }
  const expiryText = expiry ? `expires on ${formatDay(expiry)}` : input.expires === 'never' ? 'permanent (@expires never)' : 'no expiry set';
  return withDays({ status: 'active', reason: `${describeServing(state, input.winner)}; read in ${where}; ${expiryText}` });
}

function staleReason(state: FlagState, winner: Winner, lifecycle: LifecyclePolicy, now: Date): string | undefined {
  if (state.vendorStale) return `marked ${state.lifecycleStage ?? 'stale'} in ${state.source}`;
  if (winner.kind === 'none') return undefined;
  const since = parseInstant(state.constantSince);
  if (!since) return undefined;
  const days = daysBetween(since, now);
  if (days < lifecycle.staleAfterDays) return undefined;
  return `${describeServing(state, winner)} since ${formatDay(since)} (${days} days; stale after ${lifecycle.staleAfterDays})`;
}

/** "serves `true` to everyone", "OFF: serves the code default", "targeting decides (2 rules)". */
export function describeServing(state: FlagState, winner: Winner): string {
  if (winner.kind === 'value') return `serves ${formatValue(winner.value)} to everyone`;
  if (winner.kind === 'code-default') return 'OFF: serves the code default';
  return `no single value (${winner.reason})`;
}


function unusedReason(input: StatusInput): string {
  if (input.state?.exists) return `defined in ${input.sourceLabel} but no code reads it`;
  const decl = input.declarations[0];
  if (decl) return `declared as ${decl.name} but no flag check reads it`;
  return 'annotated with @flag but no flag check reads it';
}

function usageCount(usages: readonly FlagCheck[]): string {
  const files = new Set(usages.map((u) => u.file)).size;
  return `${usages.length} place${usages.length === 1 ? '' : 's'}${files > 1 ? ` across ${files} files` : ''}`;
}
