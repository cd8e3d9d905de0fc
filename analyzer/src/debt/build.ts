import * as path from 'node:path';
import type { FlagActivity, GitActivity, ChangedLines } from '../git';
import { touchesChange } from '../git';
import { daysBetween, parseInstant, parseIsoDate } from '../lifecycle/dates';
import { formatIsoDay } from '../text/iso-day';
import { winningValue } from '../lifecycle/winning-value';
import { FLAG_STATUSES, type Diagnostic, type FlagCheck, type FlagRecord, type FlagStatus } from '../model';
import { ACTION_STATUSES, type DebtReport, type DebtSummary, type FlagDebt, type OwnerDebt } from './types';
import { dynamicReason } from '../keys/dynamic-reason';

export interface DebtInput {
  records: readonly FlagRecord[];
  /** Checks whose key could not be resolved. */
  dynamic?: readonly FlagCheck[];
  /** Absolute config root: usage paths in the report are relative to it. */
  root: string;
  /** YYYY-MM-DD. */
  today: string;
  /** Result of collectGitActivity; undefined when git was not asked for (--no-git). */
  git?: GitActivity;
  /** Removable lines per flag key from cleanup dry runs. */
  removableLines?: ReadonlyMap<string, number>;
  /** --since mode: keep only flags with a usage on a changed line. */
  changes?: ChangedLines;
  diagnostics?: readonly Diagnostic[];
  tool?: { name: string; version: string };
}

export const NO_OWNER = '(no owner)';

/** Folds records, git activity and cleanup figures into the report every reporter renders. Pure. */
export function buildDebtReport(input: DebtInput): DebtReport {
  const root = slash(path.resolve(input.root));
  const today = parseIsoDate(input.today);
  if (!today) throw new RangeError(`"${input.today}" is not a date: expected YYYY-MM-DD`);
  let flags = input.records.map((record) => flagDebt(record, root, today, input.git?.byKey.get(record.key), input.removableLines?.get(record.key), input.changes));
  if (input.changes) flags = flags.filter((flag) => flag.usages.some((u) => u.changed));
  flags.sort(byUrgency);
  const dynamic = (input.dynamic ?? [])
    .filter((c) => c.key === null)
    .map((c) => ({
      file: relative(root, c.file),
      line: c.range.line,
      column: c.range.column,
      expression: c.dynamic?.expression ?? '',
      reason: dynamicReason(c.dynamic),
    }))
    .sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column);
  const git = input.git;
  return {
    today: input.today,
    root,
    flags,
    dynamic,
    summary: summarize(flags, dynamic.length),
    git: {
      used: git?.repoRoot !== undefined,
      ...(git?.repoRoot !== undefined ? { rootInRepo: relative(git.repoRoot, root) === '.' ? '' : relative(git.repoRoot, root) } : {}),
      ...(git?.head ? { head: git.head } : {}),
      ...(git ? { invocations: git.invocations } : {}),
      notes: git ? [...git.notes] : ['git data not collected (--no-git)'],
    },
    ...(input.changes
      ? { since: { ref: input.changes.ref, commit: input.changes.commit, changedFiles: input.changes.files.size } }
      : {}),
    diagnostics: [...(input.diagnostics ?? [])],
    tool: input.tool ?? { name: 'flagsweep', version: '0.0.0' },
  };
}

function flagDebt(
  record: FlagRecord,
  root: string,
  today: Date,
  activity: FlagActivity | undefined,
  removable: number | undefined,
  changes: ChangedLines | undefined,
): FlagDebt {
  const usages = record.usages
    .map((u) => ({
      file: relative(root, u.file),
      line: u.range.line,
      column: u.range.column,
      endLine: u.range.endLine,
      endColumn: u.range.endColumn,
      kind: u.kind,
      ...(changes ? { changed: touchesChange(changes, u.file, u.range.line, u.range.endLine) } : {}),
    }))
    .sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column);
  const value = winningValue(record);
  const debt: FlagDebt = {
    key: record.key,
    status: record.status,
    reason: record.reason,
    hasWinningValue: value !== undefined,
    usages,
    usageCount: usages.length,
    fileCount: new Set(usages.map((u) => u.file)).size,
  };
  if (record.owner) debt.owner = record.owner;
  if (record.expires) debt.expires = record.expires;
  if (record.flagType) debt.flagType = record.flagType;
  if (record.description) debt.description = record.description;
  if (value !== undefined) debt.winningValue = value;
  const created = parseInstant(record.state?.createdAt);
  if (activity) {
    debt.firstSeen = activity.firstSeen;
    debt.lastTouched = activity.lastTouched;
    debt.ageSource = 'git';
  } else if (created) {
    debt.firstSeen = formatIsoDay(created);
    debt.ageSource = 'source';
  }
  if (debt.firstSeen) debt.ageDays = Math.max(0, daysBetween(parseIsoDate(debt.firstSeen)!, today));
  if (record.daysToExpiry !== undefined) debt.daysToExpiry = record.daysToExpiry;
  if (removable !== undefined && value !== undefined) debt.removableLines = removable;
  if (record.state?.dashboardUrl) debt.dashboardUrl = record.state.dashboardUrl;
  return debt;
}

const STATUS_ORDER: readonly FlagStatus[] = [...ACTION_STATUSES, 'active'];

/** Most urgent first: status, then most overdue, then oldest, then key. */
function byUrgency(a: FlagDebt, b: FlagDebt): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    (a.daysToExpiry ?? Infinity) - (b.daysToExpiry ?? Infinity) ||
    (b.ageDays ?? -1) - (a.ageDays ?? -1) ||
    compare(a.key, b.key)
  );
}

export function emptyStatusCounts(): Record<FlagStatus, number> {
  return Object.fromEntries(FLAG_STATUSES.map((s) => [s, 0])) as Record<FlagStatus, number>;
}

const AGE_BUCKETS: { label: string; below: number }[] = [
  { label: '< 30 d', below: 30 },
  { label: '30–89 d', below: 90 },
  { label: '90–179 d', below: 180 },
  { label: '180–364 d', below: 365 },
  { label: '≥ 1 year', below: Infinity },
];

function summarize(flags: FlagDebt[], dynamicUsages: number): DebtSummary {
  const byStatus = emptyStatusCounts();
  const owners = new Map<string, OwnerDebt>();
  let removable: number | undefined;
  let removableKnown = 0;
  for (const flag of flags) {
    byStatus[flag.status]++;
    const name = flag.owner ?? NO_OWNER;
    const owner = owners.get(name) ?? { owner: name, flags: 0, needsAction: 0, usages: 0, byStatus: emptyStatusCounts() };
    owner.flags++;
    owner.usages += flag.usageCount;
    owner.byStatus[flag.status]++;
    if (flag.status !== 'active') owner.needsAction++;
    if (flag.removableLines !== undefined) {
      owner.removableLines = (owner.removableLines ?? 0) + flag.removableLines;
      removable = (removable ?? 0) + flag.removableLines;
      removableKnown++;
    }
    owners.set(name, owner);
  }
  const ageBuckets = AGE_BUCKETS.map((b) => ({ label: b.label, flags: 0 }));
  let unknownAge = 0;
  for (const flag of flags) {
    if (flag.ageDays === undefined) unknownAge++;
    else ageBuckets[AGE_BUCKETS.findIndex((b) => flag.ageDays! < b.below)].flags++;
  }
  ageBuckets.push({ label: 'unknown', flags: unknownAge });
  const oldest = flags
    .filter((f) => f.ageDays !== undefined)
    .sort((a, b) => b.ageDays! - a.ageDays! || compare(a.key, b.key))
    .slice(0, 5)
    .map((f) => ({ key: f.key, ageDays: f.ageDays!, firstSeen: f.firstSeen!, status: f.status, ...(f.owner ? { owner: f.owner } : {}) }));
  return {
    flags: flags.length,
    usages: flags.reduce((n, f) => n + f.usageCount, 0),
    files: new Set(flags.flatMap((f) => f.usages.map((u) => u.file))).size,
    dynamicUsages,
    byStatus,
    needsAction: flags.filter((f) => f.status !== 'active').length,
    byOwner: [...owners.values()].sort((a, b) => b.needsAction - a.needsAction || b.flags - a.flags || compare(a.owner, b.owner)),
    ...(removable !== undefined ? { removableLines: removable } : {}),
    removableLinesKnownFor: removableKnown,
    oldest,
    ageBuckets,
  };
}

function relative(root: string, file: string): string {
  return slash(path.relative(root, path.resolve(file))) || '.';
}

function slash(p: string): string {
  return p.replace(/\\/g, '/');
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
