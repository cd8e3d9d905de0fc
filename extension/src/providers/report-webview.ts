import * as vscode from 'vscode';
import { loadEngine } from '../engine-loader';
import type { WorkspaceIndex } from '../workspace/workspace-index';

/** Opens the tech-debt report (the analyzer's HTML report, self-contained with its own CSP) in a webview. */
export async function showReport(index: WorkspaceIndex, root?: string): Promise<vscode.WebviewPanel | undefined> {
  await index.whenReady();
  const folder = index.folderByRoot(root);
  if (!folder) {
    void vscode.window.showWarningMessage('flagsweep: no indexed workspace folder to report on.');
    return undefined;
  }
  const html = await loadEngine().renderDebtReport(folder, index.now.toISOString().slice(0, 10), !index.restricted);
  const panel = vscode.window.createWebviewPanel('flagsweep.report', 'Feature-flag debt', vscode.ViewColumn.Active, {
    // The report sorts and filters its table with inline script; it loads nothing from anywhere.
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.html = html;
  return panel;
}
