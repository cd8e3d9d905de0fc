import * as path from 'node:path';
import { cleanupDryRunLines, collectDebt, renderHtml } from '@flagsweep/analyzer';
import type { FolderIndex } from './folder-index';

/** The extension's version, from its package.json (bundled into dist/engine.js by esbuild). */
const EXTENSION_VERSION = (require('../../package.json') as { version: string }).version;

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
    tool: { name: 'flagsweep-vscode', version: EXTENSION_VERSION },
  });
  return renderHtml(report, { title: `Feature-flag debt — ${path.basename(index.root)}` });
}
