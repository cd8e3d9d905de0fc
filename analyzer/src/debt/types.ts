import type { CheckKind, Diagnostic, FlagStatus } from '../model';

/** One place a flag is read, with a path relative to the config root (forward slashes). */
export interface UsageDebt {
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** 1-based column just after the check's last character (SARIF's exclusive endColumn). */
  endColumn: number;
  kind: CheckKind;
  /** In --since mode: the usage is on a line added or changed since the ref. */
  changed?: boolean;
}

/** The debt figures of one flag. Optional numbers are undefined when unknown, never 0 for "unknown". */
export interface FlagDebt {
  key: string;
  status: FlagStatus;
  reason: string;
  owner?: string;
  expires?: string;
  flagType?: string;
  description?: string;
  /** The single value every evaluation returns (served value, or the common code default of a disabled flag). */
  winningValue?: unknown;
  hasWinningValue: boolean;
  usages: UsageDebt[];
  usageCount: number;
  fileCount: number;
  /** YYYY-MM-DD author date of the oldest usage line (git blame), else the source's creation date. */
  firstSeen?: string;
  /** YYYY-MM-DD author date of the newest usage line. */
  lastTouched?: string;
  /** Days since firstSeen. */
  ageDays?: number;
  ageSource?: 'git' | 'source';
  /** Days until expiry; negative: days since it expired. */
  daysToExpiry?: number;
  /** Lines a cleanup to the winning value would remove (cleanup dry run); undefined when not computed. */
  removableLines?: number;
  dashboardUrl?: string;
}

export interface OwnerDebt {
  /** The owner, or "(no owner)". */
  owner: string;
  flags: number;
  /** Flags whose status needs action (anything but active). */
  needsAction: number;
  usages: number;
  removableLines?: number;
  byStatus: Record<FlagStatus, number>;
}

export interface DebtSummary {
  flags: number;
  usages: number;
  files: number;
  dynamicUsages: number;
  byStatus: Record<FlagStatus, number>;
  needsAction: number;
  byOwner: OwnerDebt[];
  /** Sum over flags whose removable lines are known; undefined when none is. */
  removableLines?: number;
  /** How many flags the removable-lines total covers. */
  removableLinesKnownFor: number;
  /** Up to five flags with the greatest age, oldest first. */
  oldest: { key: string; ageDays: number; firstSeen: string; status: FlagStatus; owner?: string }[];
  /** Age histogram buckets (flags without a known age are counted in "unknown"). */
  ageBuckets: { label: string; flags: number }[];
}

export interface DynamicUsageDebt {
  file: string;
  line: number;
  column: number;
  expression: string;
  reason: string;
}

export interface DebtReport {
  /** Today for this run (YYYY-MM-DD). */
  today: string;
  /** Absolute config root (forward slashes); usage paths are relative to it. */
  root: string;
  flags: FlagDebt[];
  dynamic: DynamicUsageDebt[];
  summary: DebtSummary;
  git: {
    used: boolean;
    /** The config root relative to the repository's top level ('' at the top), for repository links. */
    rootInRepo?: string;
    head?: string;
    invocations?: number;
    notes: string[];
  };
  /** Set in --since (PR) mode: only flags with usages on changed lines are in `flags`. */
  since?: { ref: string; commit: string; changedFiles: number };
  diagnostics: Diagnostic[];
  tool: { name: string; version: string };
}

/** Statuses that call for someone to do something, most urgent first. */
export const ACTION_STATUSES: readonly FlagStatus[] = ['expired', 'missing', 'stale', 'expiring', 'unused'];
