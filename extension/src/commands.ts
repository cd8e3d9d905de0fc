import * as vscode from 'vscode';
import { loadEngine } from './engine-loader';
import { cleanupChoices } from './mapping/cleanup-choices';
import { editsToWorkspaceEdit, type PlainFileEdit } from './mapping/edits';
import { toWorkspaceEdit } from './providers/convert';
import type { FlagNode } from './providers/flags-view';
import { showReport } from './providers/report-webview';
import type { TokenStore } from './workspace/secrets';
import type { WorkspaceIndex } from './workspace/workspace-index';

/** Arguments of commands run from hovers, code actions and the flags view. */
interface FlagTarget {
  key: string;
  folder?: string;
  root?: string;
  value?: unknown;
  /** Return the planned edit instead of applying it (tests, previews). */
  dryRun?: boolean;
}

function target(arg: FlagTarget | FlagNode | undefined): { key: string; root?: string; value?: unknown; dryRun?: boolean } | undefined {
  if (!arg || !('key' in arg)) return undefined;
  const root = 'folder' in arg && typeof arg.folder === 'string' ? arg.folder : arg.root;
  return { key: arg.key, root, value: 'value' in arg ? arg.value : undefined, dryRun: 'dryRun' in arg ? arg.dryRun : undefined };
}

export function registerCommands(index: WorkspaceIndex, tokens: TokenStore): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg('flagsweep.refresh', async (arg?: { folder?: string }) => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'flagsweep: refreshing flag state' }, () => index.refresh(true, arg?.folder));
    }),
    reg('flagsweep.cleanupFlag', (arg?: FlagTarget | FlagNode) => cleanupEverywhere(index, target(arg))),
    reg('flagsweep.showUsages', (arg?: FlagTarget | FlagNode) => showUsages(index, target(arg))),
    reg('flagsweep.openDashboard', (arg?: FlagTarget | FlagNode) => {
      const t = target(arg);
      const url = t && index.folderByRoot(t.root)?.record(t.key)?.state?.dashboardUrl;
      if (index.restricted) return vscode.window.showWarningMessage('flagsweep: dashboards are not opened in Restricted Mode.');
      if (!url || !/^https?:\/\//.test(url)) return vscode.window.showInformationMessage(`flagsweep: no dashboard link for "${t?.key}".`);
      return vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    reg('flagsweep.copyKey', async (arg?: FlagTarget | FlagNode) => {
      const t = target(arg);
      if (t) await vscode.env.clipboard.writeText(t.key);
    }),
    reg('flagsweep.openUsage', async (at: { file: string; line: number; character: number }) => {
      const pos = new vscode.Position(at.line, at.character);
      await vscode.window.showTextDocument(vscode.Uri.file(at.file), { selection: new vscode.Range(pos, pos), preview: true });
    }),
    reg('flagsweep.showLeftovers', (key: string, left: { file: string; line: number; reason: string }[]) => {
      const lines = left.map((l) => `${vscode.workspace.asRelativePath(l.file)}:${l.line}: ${l.reason}`);
      void vscode.window.showWarningMessage(`flagsweep: ${left.length} use(s) of "${key}" need a person: ${lines.join('; ')}`);
    }),
    reg('flagsweep.showReport', (arg?: { folder?: string }) => showReport(index, arg?.folder)),
    reg('flagsweep.setToken', async () => {
      if (index.restricted) return vscode.window.showWarningMessage('flagsweep: tokens are not used in Restricted Mode. Trust the workspace first.');
      const names = [...new Set(index.all().flatMap((f) => f.config.sources.flatMap((s) => ('tokenEnv' in s && s.tokenEnv ? [s.tokenEnv] : []))))];
      const name = names.length === 1 ? names[0] : await vscode.window.showQuickPick(names.length ? names : ['UNLEASH_TOKEN', 'LD_API_TOKEN'], { placeHolder: 'Which token?' });
      if (!name) return;
      const token = await vscode.window.showInputBox({ prompt: `Token for ${name} (stored in VS Code's secret storage)`, password: true, ignoreFocusOut: true });
      if (token) await tokens.set(name, token);
    }),
    reg('flagsweep.clearToken', async () => {
      const name = await vscode.window.showInputBox({ prompt: 'Name of the token to forget (e.g. UNLEASH_TOKEN)' });
      if (name) await tokens.clear(name);
    }),
  ];
}

/** What the cleanup command returns: the edits it applied (or, with dryRun, would apply) and each file's result. */
export interface CleanupOutcome {
  edits: PlainFileEdit[];
  after: Record<string, string>;
}

/** Plans a project-wide cleanup with the engine and applies it through the refactor preview. */
async function cleanupEverywhere(index: WorkspaceIndex, t: ReturnType<typeof target>): Promise<CleanupOutcome | undefined> {
  if (!t) return undefined;
  await index.whenReady();
  const folder = index.folderByRoot(t.root);
  const record = folder?.record(t.key);
  if (!folder || !record) return undefined;
  let value = t.value;
  if (value === undefined) {
    const choices = cleanupChoices(record);
    const picked =
      choices.length === 1 && choices[0].preferred
        ? choices[0]
        : await vscode.window.showQuickPick(
            choices.map((c) => ({ label: c.label.replace(/`/g, ''), description: c.isChoice ? 'your choice' : 'what every check gets now', choice: c })),
            { placeHolder: `Remove flag "${t.key}": which value should the code keep?` },
          ).then((p) => p?.choice);
    if (!picked) return undefined;
    value = picked.value;
  }
  const plan = await loadEngine().planCleanup(folder, index.readFile, t.key, value, { kind: 'project' });
  if (plan.errors.length > 0) {
    void vscode.window.showErrorMessage(`flagsweep: cannot remove flag "${t.key}": ${plan.errors.join('; ')}`);
    return undefined;
  }
  const files = editsToWorkspaceEdit(plan.files, {
    label: `Remove flag "${t.key}" (keep ${JSON.stringify(plan.value)})`,
    needsConfirmation: true,
    relativeName: (f) => vscode.workspace.asRelativePath(f),
  });
  const outcome = { edits: files, after: Object.fromEntries(plan.files.map((f) => [f.file, f.after])) };
  if (t.dryRun) return outcome;
  if (files.length === 0) void vscode.window.showInformationMessage(`flagsweep: nothing to change for "${t.key}".`);
  else await vscode.workspace.applyEdit(toWorkspaceEdit(files), { isRefactoring: true });
  if (plan.leftForHuman.length > 0) void vscode.commands.executeCommand('flagsweep.showLeftovers', t.key, plan.leftForHuman);
  return outcome;
}

async function showUsages(index: WorkspaceIndex, t: ReturnType<typeof target>): Promise<void> {
  const record = t && index.folderByRoot(t.root)?.record(t.key);
  if (!record || record.usages.length === 0) return;
  const locations = record.usages.map(
    (u) => new vscode.Location(vscode.Uri.file(u.file), new vscode.Range(u.range.line - 1, u.range.column - 1, u.range.endLine - 1, u.range.endColumn - 1)),
  );
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    await vscode.commands.executeCommand('editor.action.peekLocations', editor.document.uri, editor.selection.active, locations, 'peek');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    locations.map((l) => ({ label: `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}`, location: l })),
    { placeHolder: `Usages of "${record.key}"` },
  );
  if (picked) await vscode.window.showTextDocument(picked.location.uri, { selection: picked.location.range });
}
