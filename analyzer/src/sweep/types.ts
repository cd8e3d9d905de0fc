import type { CheckKind, FlagStatus } from '../model';

/** A flag that is due for removal, with everything its commit message and pull-request text say about it. */
export interface SweepFlag {
  key: string;
  /** The value every check returns, which the cleanup keeps. */
  value: unknown;
  status: FlagStatus;
  reason: string;
  owner?: string;
  expires?: string;
  daysToExpiry?: number;
  description?: string;
  /** YYYY-MM-DD: the oldest usage line's author date (git), else the source's creation date. */
  firstSeen?: string;
  ageDays?: number;
  ageSource?: 'git' | 'source';
  usageCount: number;
  fileCount: number;
  /** Usages, paths relative to the repository top. */
  usages: { file: string; line: number; column: number; kind: CheckKind }[];
  /** Constants, enum members and as-const members holding the key, paths relative to the repository top. */
  declarations: { file: string; line: number; name: string }[];
  /** The flag source that serves the value ("flags.flagd.json", "unleash (production)"). */
  sourceLabel: string;
  dashboardUrl?: string;
}

/** A flag that is due but has no single value from a healthy source, or that the user's filters left out. */
export interface NotEligible {
  key: string;
  status: FlagStatus;
  reason: string;
}

/** One branch to build: one flag, or every due flag of one owner with --group-by owner. */
export interface BranchPlan {
  branch: string;
  /** File name of the pull-request text (without .md): the flag key, or owner-<slug>. */
  id: string;
  flags: SweepFlag[];
  /** The owner the branch was grouped by (--group-by owner). */
  owner?: string;
}

export interface VerificationSummary {
  mode: 'types' | 'syntax' | 'skipped';
  /** Diagnostics the cleanup would add (why it was not committed), repository-relative paths. */
  newDiagnostics: { file: string; line: number; column: number; code: number; message: string }[];
  checkedFiles: number;
  tsconfigs: string[];
}

export interface FlagOutcome {
  key: string;
  value: unknown;
  /** 'cleaned': committed (or would be, in a dry run); 'skipped': left alone, see `skipReason`. */
  outcome: 'cleaned' | 'skipped';
  skipReason?: string;
  /** Changed files, repository-relative, with the lines each loses. */
  files: { file: string; linesRemoved: number }[];
  linesRemoved: number;
  checksCleaned: number;
  /** The flag file the definition was removed from, when it was (a tracked flagd file). */
  definitionRemovedFrom?: string;
  leftForHuman: { file: string; line: number; column: number; reason: string }[];
  /** Tests that set the flag to the other value (they covered the removed code): listed in the PR text. */
  testsToReview?: { file: string; line: number; column: number; reason: string }[];
  errors: { kind: string; message: string; file?: string; line?: number; column?: number }[];
  verification: VerificationSummary;
  commit?: string;
}

export type BranchState =
  /** New branch (or would be, in a dry run). */
  | 'created'
  /** An older sweep branch rebuilt on the new base (or would be). */
  | 'rebuilt'
  /** The existing branch already holds exactly this cleanup on this base: left as it is. */
  | 'up-to-date'
  /** Nothing committed: see `skipReason`. */
  | 'skipped';

export interface BranchOutcome {
  branch: string;
  id: string;
  state: BranchState;
  skipReason?: string;
  title: string;
  /** The commit the branch points at after the run (its tip), when it has one. */
  commit?: string;
  /** Where the branch pointed before the run (local branch, else the remote-tracking one). */
  previous?: string;
  owners: string[];
  /** Reviewers as written (@org/team, @user, e-mail), from the config `owners` map and CODEOWNERS. */
  reviewers: string[];
  /** The same, as `gh pr create --reviewer` takes them (org/team, user; no e-mails). */
  ghReviewers: string[];
  flags: FlagOutcome[];
  /** Pull-request text (Markdown). */
  body: string;
  /** Where the text was written (--pr-dir), absolute. */
  prFile?: string;
  /** Set with --push: whether the remote branch now matches. */
  pushed?: boolean;
}

export interface SweepResult {
  version: 1;
  dryRun: boolean;
  today: string;
  base: { ref: string; commit: string };
  repoRoot: string;
  remote?: string;
  branches: BranchOutcome[];
  /** Due flags that got no branch: no single value from a healthy source, or left out by --max. */
  notEligible: NotEligible[];
  /** Problems that did not stop the run (unparseable files, source warnings, git notes). */
  notes: string[];
}
