import * as path from 'node:path';
import type { FlagDebt } from '../debt/types';
import { winningValue } from '../lifecycle/winning-value';
import type { FlagRecord, FlagStatus } from '../model';
import type { SourceSnapshot } from '../sources';
import type { NotEligible, SweepFlag } from './types';

export const DEFAULT_SWEEP_STATUSES: readonly FlagStatus[] = ['expired', 'stale'];

export interface SelectInput {
  records: readonly FlagRecord[];
  /** The same flags with age from git (collectDebt). */
  debt: readonly FlagDebt[];
  snapshots: readonly SourceSnapshot[];
  statuses: readonly FlagStatus[];
  /** Config root relative to the repository top ('' at the top), to make usage paths repository-relative. */
  rootInRepo: string;
  sourceLabel: string;
  /** Absolute top of the work tree the records were built in (declaration paths are absolute). */
  repoRoot: string;
}

/**
 * The flags due for a sweep, most debt first (oldest, then most used): status asked for, read in code, and one
 * winning value from a source that answered normally. Due flags without that are returned with the reason.
 */
export function selectDueFlags(input: SelectInput): { due: SweepFlag[]; notEligible: NotEligible[] } {
  const debtByKey = new Map(input.debt.map((d) => [d.key, d]));
  const healthy = new Set(input.snapshots.filter((s) => s.health === 'ok').map((s) => s.id));
  const due: SweepFlag[] = [];
  const notEligible: NotEligible[] = [];
  for (const record of input.records) {
    if (!input.statuses.includes(record.status)) continue;
    const skip = (reason: string) => notEligible.push({ key: record.key, status: record.status, reason });
    if (record.usages.length === 0) {
      const possible = record.possibleReads?.length ?? 0;
      if (possible > 0) skip(`its only reads choose the key at run time (${possible} place${possible === 1 ? '' : 's'}): a person changes them`);
      else skip('no code reads it: nothing to remove from the code');
      continue;
    }
    if (!record.state || !record.state.exists) {
      skip('no flag source defines it: the value to keep is not known for sure');
      continue;
    }
    if (!healthy.has(record.state.source)) {
      skip(`its flag source (${record.state.source}) did not answer normally (cached, offline or in error): not swept on old data`);
      continue;
    }
    const value = winningValue(record);
    if (value === undefined) {
      skip(record.winner.kind === 'none' ? `no single value (${record.winner.reason})` : 'disabled, and its checks do not all write the same literal default');
      continue;
    }
    const debt = debtByKey.get(record.key);
    due.push(toSweepFlag(record, debt, value, input));
  }
  due.sort(byDebt);
  notEligible.sort((a, b) => compare(a.key, b.key));
  return { due, notEligible };
}

function toSweepFlag(record: FlagRecord, debt: FlagDebt | undefined, value: unknown, input: SelectInput): SweepFlag {
  const prefix = input.rootInRepo ? `${input.rootInRepo}/` : '';
  const usages = (debt?.usages ?? []).map((u) => ({ file: prefix + u.file, line: u.line, column: u.column, kind: u.kind }));
  return {
    key: record.key,
    value,
    status: record.status,
    reason: record.reason,
    ...(record.owner ? { owner: record.owner } : {}),
    ...(record.expires ? { expires: record.expires } : {}),
    ...(record.daysToExpiry !== undefined ? { daysToExpiry: record.daysToExpiry } : {}),
    ...(record.description ? { description: record.description } : {}),
    ...(debt?.firstSeen ? { firstSeen: debt.firstSeen } : {}),
    ...(debt?.ageDays !== undefined ? { ageDays: debt.ageDays } : {}),
    ...(debt?.ageSource ? { ageSource: debt.ageSource } : {}),
    usageCount: debt?.usageCount ?? record.usages.length,
    fileCount: debt?.fileCount ?? new Set(record.usages.map((u) => u.file)).size,
    usages,
    declarations: record.declarations
      .map((d) => ({ file: repoRelative(input.repoRoot, d.file), line: d.range.line, name: d.name }))
      .sort((a, b) => compare(a.file, b.file) || a.line - b.line),
    sourceLabel: input.sourceLabel,
    ...(record.state?.dashboardUrl ? { dashboardUrl: record.state.dashboardUrl } : {}),
  };
}

/** Oldest first (unknown age last), then most usages, then key. */
export function byDebt(a: SweepFlag, b: SweepFlag): number {
  return (b.ageDays ?? -1) - (a.ageDays ?? -1) || b.usageCount - a.usageCount || compare(a.key, b.key);
}

function repoRelative(root: string, file: string): string {
  return path.relative(root, file).replace(/\\/g, '/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
