import * as path from 'node:path';
import { cleanupDryRunLines, collectDebt, renderHtml } from '@flagsweep/analyzer';
import type { FolderIndex } from './folder-index';

/** The tech-debt report as self-contained HTML: the same pipeline as `flagsweep report --format html`. */
export async function renderDebtReport(index: FolderIndex, today: string, useGit: boolean): Promise<string> {
  const records = index.records();
  const report = await collectDebt({
    records,
    dynamic: index.dynamicChecks(),
    root: index.root,
    today,
    // git runs repository config (fsmonitor and the like): an untrusted workspace gets no git data.
    git: useGit,
    removableLines: cleanupDryRunLines(index.config),
    diagnostics: index.scanDiagnostics(),
    tool: { name: 'flagsweep-vscode', version: '0.1.0' },
  });
  return renderHtml(report, { title: `Feature-flag debt — ${path.basename(index.root)}` });
}
