import type { AnalysisResult } from '../analyze';
import { withDebt } from '../debt/json';
import { renderDebtText } from '../debt/text';
import type { DebtReport } from '../debt/types';
import type { SweepBranchInfo } from '../sweep/branches';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { toJsonReport } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { formatText } from './text';

/** What every reporter gets: the analysis, its debt report, and presentation choices. */
export interface ReportInput {
  result: AnalysisResult;
  debt: DebtReport;
  /** Links usages to the repository's web view (markdown, html, sarif). */
  repoUrl?: string;
  /** ANSI colours (text). */
  color?: boolean;
  /** Open sweep branches per flag key (markdown, html). */
  sweepBranches?: ReadonlyMap<string, SweepBranchInfo>;
}

/** A reporter turns one analysis into the text of one format; it never prints. */
export type Reporter = (input: ReportInput) => string;

/** Every report format, one module each, by name. */
export const REPORTERS = {
  text: ({ result, debt, color }) => {
    const keys = new Set(debt.flags.map((f) => f.key));
    return formatText({ ...result, records: result.records.filter((r) => keys.has(r.key)) }, { color: color ?? false }) + renderDebtText(debt);
  },
  json: ({ result, debt }) => JSON.stringify(withDebt(toJsonReport(result), debt), null, 2) + '\n',
  markdown: ({ debt, repoUrl, sweepBranches }) => renderMarkdown(debt, { repoUrl, sweepBranches }),
  html: ({ debt, repoUrl, sweepBranches }) => renderHtml(debt, { repoUrl, sweepBranches }),
  sarif: ({ debt, repoUrl }) => renderSarif(debt, { repoUrl }),
  csv: ({ debt }) => renderCsv(debt),
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];
