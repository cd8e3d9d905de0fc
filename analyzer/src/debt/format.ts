import type { DebtReport, FlagDebt, UsageDebt } from './types';

/** Plain-text phrases shared by the reporters, so Markdown, HTML, SARIF and the CLI say the same thing. */

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2026-10-01 (52 days ago)", "2027-01-01 (in 40 days)", "never", or "—". */
export function expiryText(flag: Pick<FlagDebt, 'expires' | 'daysToExpiry'>): string {
  if (!flag.expires) return '—';
  if (flag.expires === 'never' || flag.daysToExpiry === undefined) return flag.expires;
  const d = flag.daysToExpiry;
  if (d === 0) return `${flag.expires} (today)`;
  return d < 0 ? `${flag.expires} (${plural(-d, 'day')} ago)` : `${flag.expires} (in ${plural(d, 'day')})`;
}

export function ageText(flag: Pick<FlagDebt, 'ageDays'>): string {
  return flag.ageDays === undefined ? '—' : plural(flag.ageDays, 'day');
}

/** The winning value as JSON, or "—" when there is no single value. */
export function valueText(flag: Pick<FlagDebt, 'winningValue' | 'hasWinningValue'>): string {
  return flag.hasWinningValue ? (JSON.stringify(flag.winningValue) ?? String(flag.winningValue)) : '—';
}

/** Removable lines, or "n/a" when the cleanup dry run was not run or there is no winning value. */
export function removableText(n: number | undefined): string {
  return n === undefined ? 'n/a' : String(n);
}

/** Path of a usage relative to the repository top (for links and SARIF), else relative to the config root. */
export function repoPath(report: Pick<DebtReport, 'git'>, file: string): string {
  const prefix = report.git.rootInRepo;
  return prefix ? `${prefix}/${file}` : file;
}

/**
 * A link to a usage on a code host: `repoUrl` is the repository's web address (GitHub, GitLab, Gitea) or already
 * a `.../blob/<ref>` address; the commit is HEAD's when git data was collected.
 */
export function usageUrl(report: Pick<DebtReport, 'git'>, repoUrl: string, usage: Pick<UsageDebt, 'file' | 'line'>): string {
  const base = repoUrl.replace(/\/+$/, '');
  const blob = /\/(-\/)?(blob|tree|src)\//.test(base) ? base : `${base}/blob/${report.git.head ?? 'HEAD'}`;
  const encoded = repoPath(report, usage.file)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${blob}/${encoded}#L${usage.line}`;
}
