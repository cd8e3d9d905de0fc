import { changedLinesSince, collectGitActivity, touchesChange, type ChangedLines, type GitActivity, type UsageLines } from '../git';
import { winningValue } from '../lifecycle/winning-value';
import type { Diagnostic, FlagCheck, FlagRecord } from '../model';
import { buildDebtReport } from './build';
import type { DebtReport } from './types';

export interface CollectDebtOptions {
  records: readonly FlagRecord[];
  dynamic?: readonly FlagCheck[];
  root: string;
  /** YYYY-MM-DD. */
  today: string;
  /** Blame usage lines for age and activity (false for --no-git). */
  git: boolean;
  /** --since <ref>: keep only flags with usages on lines changed since the ref. */
  since?: string;
  /** Lines a cleanup of `record` to its winning value would remove (a cleanup dry run); undefined when unknown. */
  removableLines?: (record: FlagRecord, value: unknown) => Promise<number | undefined>;
  /**
   * Which flags get the dry run: 'action' (default) only flags that need action, since a dry run per flag is the
   * costly part of a report (about 0.5 s per flag on a large project); 'all' every flag with a winning value.
   */
  removableFor?: 'action' | 'all';
  diagnostics?: readonly Diagnostic[];
  tool?: { name: string; version: string };
  /** Progress of the slow phases: files blamed, flags dry-run cleaned. */
  onProgress?: (phase: 'blame' | 'cleanup', done: number, total: number) => void;
}

/**
 * Runs the git and cleanup look-ups a debt report needs, then builds it. Rejects with GitError only for
 * --since problems (no repository, unknown ref); missing git data for ages is a note in the report.
 */
export async function collectDebt(options: CollectDebtOptions): Promise<DebtReport> {
  let changes: ChangedLines | undefined;
  if (options.since !== undefined) changes = await changedLinesSince(options.since, options.root);
  const records = changes ? options.records.filter((r) => r.usages.some((u) => touchesChange(changes!, u.file, u.range.line, u.range.endLine))) : options.records;
  let git: GitActivity | undefined;
  if (options.git) {
    git = await collectGitActivity(usageLines(records), {
      cwd: options.root,
      today: options.today,
      onProgress: (done, total) => options.onProgress?.('blame', done, total),
    });
  }
  let removable: Map<string, number> | undefined;
  if (options.removableLines) {
    removable = new Map();
    const candidates = records
      .filter((record) => record.status !== 'active' || options.removableFor === 'all')
      .map((record) => ({ record, value: winningValue(record) }))
      .filter(({ record, value }) => value !== undefined && record.usages.length > 0);
    for (const [i, { record, value }] of candidates.entries()) {
      const lines = await options.removableLines(record, value);
      if (lines !== undefined) removable.set(record.key, lines);
      options.onProgress?.('cleanup', i + 1, candidates.length);
    }
  }
  return buildDebtReport({
    records,
    dynamic: options.dynamic,
    root: options.root,
    today: options.today,
    git,
    removableLines: removable,
    changes,
    diagnostics: options.diagnostics,
    tool: options.tool,
  });
}

/** The lines worth blaming for each usage: where the check starts and where the key is written. */
export function usageLines(records: readonly FlagRecord[]): UsageLines[] {
  return records.flatMap((r) => r.usages.map((u) => ({ key: r.key, file: u.file, lines: [...new Set([u.range.line, u.keyRange.line])] })));
}
