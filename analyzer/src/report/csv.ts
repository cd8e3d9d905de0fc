import { repoPath } from '../debt/format';
import type { DebtReport } from '../debt/types';
import { escapeControlChars } from './control-chars';

export const CSV_COLUMNS = ['key', 'path', 'line', 'column', 'kind', 'status', 'owner', 'expires', 'winningValue', 'ageDays'] as const;

/**
 * One row per usage, in the spirit of LaunchDarkly's code-references export: flag key, repository path, line,
 * then the flag's status, owner and expiry. Control characters other than tab, CR and LF are escaped (ESC as `\x1b`). RFC 4180 (CRLF, quotes doubled). Cells that a spreadsheet would run as
 * a formula (=, +, -, @ first) get a leading apostrophe. Flags without usages (unused) get one row with no path.
 */
export function renderCsv(report: DebtReport): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const flag of report.flags) {
    const common = {
      status: flag.status,
      owner: flag.owner ?? '',
      expires: flag.expires ?? '',
      winningValue: flag.hasWinningValue ? (JSON.stringify(flag.winningValue) ?? '') : '',
      ageDays: flag.ageDays === undefined ? '' : String(flag.ageDays),
    };
    const usages = flag.usages.length > 0 ? flag.usages : [undefined];
    for (const usage of usages) {
      rows.push([
        flag.key,
        usage ? repoPath(report, usage.file) : '',
        usage ? String(usage.line) : '',
        usage ? String(usage.column) : '',
        usage?.kind ?? '',
        common.status,
        common.owner,
        common.expires,
        common.winningValue,
        common.ageDays,
      ]);
    }
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(raw: string): string {
  const value = escapeControlChars(raw);
  const formulaLike = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);
  const safe = formulaLike ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
