import * as vscode from 'vscode';
import { loadEngine } from './engine-loader';
import type { FlagRecord } from '@flagsweep/analyzer';
import type { CleanupPlan } from './engine/cleanup';
import { cleanupChoices, keepLabel as cleanupKeepLabel } from './mapping/cleanup-choices';
import { appliedWords, confirmationText, refusal } from './mapping/cleanup-summary';
import { flagPickItem } from './mapping/tree';
import { editsToWorkspaceEdit, type PlainFileEdit } from './mapping/edits';
import { toWorkspaceEdit } from './providers/convert';
import type { FlagNode } from './providers/flags-view';
import { showReport } from './providers/report-webview';
import type { TokenStore } from './workspace/secrets';
import { slotLabel, tokenSlots, type TokenSlot } from './mapping/token-slots';
import { planWholeFlag } from './workspace/whole-flag-plan';
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
    reg('flagsweep.removeFlag', async () => {
      const picked = await pickFlag(index, 'Remove which flag from the code?', true);
      return picked && cleanupEverywhere(index, target(picked));
    }),
    reg('flagsweep.showFlag', async () => {
      const picked = await pickFlag(index, 'Show the usages of which flag?', false);
      return picked && showUsages(index, target(picked));
    }),
    reg('flagsweep.afterCleanup', afterCleanup),
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
      const slot = await pickSlot(index, 'Which service is the token for?');
      if (!slot) return;
      const token = await vscode.window.showInputBox({ prompt: `Token for ${slotLabel(slot)} (stored in VS Code's secret storage, sent only there)`, password: true, ignoreFocusOut: true });
      if (token) await tokens.set(slot, token);
    }),
    reg('flagsweep.clearToken', async () => {
      const slot = await pickSlot(index, 'Which token to forget?');
      if (slot) await tokens.clear(slot);
    }),
  ];
}

/** What the cleanup command returns: the edits it applied (or, with dryRun, would apply) and each file's result. */
export interface CleanupOutcome {
  edits: PlainFileEdit[];
  after: Record<string, string>;
  verification: CleanupPlan['verification'];
}

/**
 * Removes a flag from the whole project: plans the cleanup with the engine and verifies it (type check before and
 * after, as `flagsweep cleanup` does) in a worker thread under a cancellable progress notification, then asks once,
 * with what will change and what the check said; "Show Changes" opens the unified diff `flagsweep cleanup --dry-run` prints. A cleanup that would
 * add a type error is refused with the errors. `dryRun` (tests, scripts) returns the verified plan without asking.
 */
async function cleanupEverywhere(index: WorkspaceIndex, t: ReturnType<typeof target>): Promise<CleanupOutcome | undefined> {
  if (!t) return undefined;
  await index.whenReady();
  const folder = index.folderByRoot(t.root);
  const record = folder?.record(t.key);
  if (!folder || !record) return undefined;
  let value = t.value;
  let keepLabel: string | undefined;
  if (value === undefined) {
    const picked = await pickValue(record);
    if (!picked) return undefined;
    ({ value, label: keepLabel } = picked);
  }
  const plan = await planWholeFlag(index, folder, t.key, value);
  if (!plan) return undefined;
  const relative = (f: string) => vscode.workspace.asRelativePath(f);
  const refused = refusal(t.key, plan, relative);
  if (refused) {
    void vscode.window.showErrorMessage(refused);
    return undefined;
  }
  const files = editsToWorkspaceEdit(plan.files, { label: `Remove flag "${t.key}" (keep ${JSON.stringify(plan.value)})`, needsConfirmation: false, relativeName: relative });
  const outcome: CleanupOutcome = { edits: files, after: Object.fromEntries(plan.files.map((f) => [f.file, f.after])), verification: plan.verification };
  if (t.dryRun) return outcome;
  if (files.length === 0) {
    void vscode.window.showInformationMessage(`flagsweep: nothing to change for "${t.key}".`);
    return outcome;
  }
  const question = confirmationText(t.key, keepLabel ?? cleanupKeepLabel(plan.value), plan, relative);
  for (;;) {
    // A notification, not a modal dialog: the person can read the diff and the code while it waits.
    const answer = await vscode.window.showInformationMessage(question, 'Apply', 'Show Changes');
    if (answer === 'Show Changes') {
      const diff = loadEngine().unifiedDiff(plan.files, relative);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'diff', content: diff }), { preview: true });
      continue;
    }
    if (answer !== 'Apply') return undefined;
    break;
  }
  await vscode.workspace.applyEdit(toWorkspaceEdit(files), { isRefactoring: true });
  await afterCleanup({ key: t.key, expected: plan.files.map((f) => ({ file: f.file, after: f.after })), leftForHuman: plan.leftForHuman });
  return outcome;
}

/** The value to keep: the preferred one when the flag serves one value to everyone, else the person picks. */
async function pickValue(record: FlagRecord): Promise<{ value: unknown; label: string } | undefined> {
  const choices = cleanupChoices(record);
  if (choices.length === 1 && choices[0].preferred) return { value: choices[0].value, label: choices[0].label };
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label.replace(/`/g, ''), description: c.isChoice ? 'your choice' : 'what every check gets now', choice: c })),
    { placeHolder: `Remove flag "${record.key}": which value should the code keep?` },
  );
  return picked && { value: picked.choice.value, label: picked.choice.label };
}

/** "flagsweep: Remove flag…" and "Show flag…": every flag with its status, owner and winning value. */
async function pickFlag(index: WorkspaceIndex, placeHolder: string, withUsages: boolean): Promise<FlagTarget | undefined> {
  await index.whenReady();
  const items = index.all().flatMap((folder) =>
    folder
      .records()
      .filter((r) => !withUsages || r.usages.length > 0)
      .map((r) => ({ ...flagPickItem(r, index.all().length > 1 ? vscode.workspace.asRelativePath(folder.root) : undefined), target: { key: r.key, root: folder.root } })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('flagsweep: no flag is read in this workspace.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.target;
}

/** After a cleanup edit: says when the person's preview left files out, and lists sites left for a person. */
async function afterCleanup(arg: { key: string; expected: { file: string; after: string }[]; leftForHuman: { file: string; line: number; reason: string }[] }): Promise<void> {
  let applied = 0;
  for (const f of arg.expected) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(f.file));
    if (doc.getText() === f.after) applied++;
  }
  const words = appliedWords(arg.key, arg.expected.length, applied);
  if (words) void vscode.window.showWarningMessage(words);
  else if (arg.leftForHuman.length > 0) void vscode.commands.executeCommand('flagsweep.showLeftovers', arg.key, arg.leftForHuman);
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

/** A token slot (service origin + tokenEnv) of the open folders' remote sources: the only place a token may go. */
async function pickSlot(index: WorkspaceIndex, placeHolder: string): Promise<TokenSlot | undefined> {
  const slots = tokenSlots(index.all().flatMap((f) => f.config.sources)).filter((s, i, all) => all.findIndex((x) => x.origin === s.origin && x.tokenEnv === s.tokenEnv) === i);
  if (slots.length === 0) {
    void vscode.window.showInformationMessage('flagsweep: no remote flag source (Unleash, LaunchDarkly) in the open folders: no token needed.');
    return undefined;
  }
  if (slots.length === 1) return slots[0];
  const picked = await vscode.window.showQuickPick(
    slots.map((slot) => ({ label: slotLabel(slot), slot })),
    { placeHolder },
  );
  return picked?.slot;
}
