import * as vscode from 'vscode';
import type { FolderIndex } from '../engine';
import type { CleanupPlan } from '../engine/cleanup';
import { PlanCancelled, PlanWorker } from './plan-worker';
import type { WorkspaceIndex } from './workspace-index';

/** One worker thread for the window's whole-flag plans, started on the first (see PlanWorker). */
export const planWorker = new PlanWorker();

/** Files are planned again at most this many times when the person edits one of them while the plan runs. */
const ATTEMPTS = 3;

/**
 * The verified plan to remove `key` from the whole project (the cleanup and its type check, as `flagsweep cleanup`
 * does), computed in a worker thread under a cancellable progress notification: hovers, saves and edits go on
 * meanwhile. A file the plan changes that was edited while it ran is planned again, so the edits always apply to
 * the text they were computed from. Undefined when cancelled or when the plan could not be computed (said once).
 */
export async function planWholeFlag(index: WorkspaceIndex, folder: FolderIndex, key: string, value: unknown, token?: vscode.CancellationToken): Promise<CleanupPlan | undefined> {
  const started = Date.now();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `flagsweep: removing flag "${key}"`, cancellable: true },
    async (progress, cancelled) => {
      const source = new vscode.CancellationTokenSource();
      const links = [cancelled.onCancellationRequested(() => source.cancel()), token?.onCancellationRequested(() => source.cancel())];
      try {
        progress.report({ message: 'computing the cleanup and type-checking the result…' });
        for (let attempt = 1; ; attempt++) {
          const openFiles = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d): [string, string] => [d.uri.fsPath, d.getText()]);
          const plan = await planWorker.plan({ config: folder.config, key, value, scope: { kind: 'project' }, verify: true, openFiles }, source.token);
          const edited = plan.files.filter((f) => textNow(index, f.file) !== f.before);
          if (edited.length === 0) {
            index.logInfo(`whole-flag plan for "${key}": ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}, type check ${plan.verification.durationMs} ms, ${Date.now() - started} ms in all (worker thread)`);
            return plan;
          }
          const names = edited.map((f) => vscode.workspace.asRelativePath(f.file)).join(', ');
          if (attempt === ATTEMPTS) {
            void vscode.window.showWarningMessage(`flagsweep: ${names} kept changing while the removal of "${key}" was computed: nothing was changed. Try again.`);
            return undefined;
          }
          progress.report({ message: `${names} changed meanwhile: computing again…` });
        }
      } catch (e) {
        if (e instanceof PlanCancelled) return undefined;
        const message = e instanceof Error ? e.message : String(e);
        index.logError(`whole-flag plan for "${key}" failed: ${e instanceof Error && e.stack ? e.stack : message}`);
        void vscode.window.showErrorMessage(`flagsweep: cannot remove flag "${key}": ${message.split('\n')[0]}`);
        return undefined;
      } finally {
        for (const l of links) l?.dispose();
        source.dispose();
      }
    },
  );
}

/** The text of `file` in the editor (saved or not), else on disk; the plan names files with forward slashes. */
function textNow(index: WorkspaceIndex, file: string): string | undefined {
  const posix = file.replace(/\\/g, '/');
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath.replace(/\\/g, '/') === posix);
  return doc ? doc.getText() : index.readFile(file);
}
