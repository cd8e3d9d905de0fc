import * as vscode from 'vscode';
import { loadEngine } from '../engine-loader';
import { cleanupChoices } from '../mapping/cleanup-choices';
import { refusal } from '../mapping/cleanup-summary';
import { DIAGNOSED_STATUSES, diagnosticCode } from '../mapping/diagnostics';
import { editsToWorkspaceEdit, everywhereTitle, hereTitle } from '../mapping/edits';
import { planWholeFlag } from '../workspace/whole-flag-plan';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { toWorkspaceEdit } from './convert';

const STATUS_CODES = new Set<string>(DIAGNOSED_STATUSES.map((s) => diagnosticCode(s).value));

function isStatusDiagnostic(d: vscode.Diagnostic): boolean {
  return d.source === 'flagsweep' && typeof d.code === 'object' && STATUS_CODES.has(String(d.code.value));
}

interface CleanupData {
  root: string;
  key: string;
  value: unknown;
  scope: { kind: 'site'; file: string; offset: number } | { kind: 'project' };
}

export class FlagCodeAction extends vscode.CodeAction {
  constructor(
    title: string,
    kind: vscode.CodeActionKind,
    readonly data: CleanupData,
  ) {
    super(title, kind);
  }
}

/**
 * On a flagsweep diagnostic or any flag check: "Remove flag `x` here (keep …)" for this check only and
 * "Remove flag `x` everywhere (N files…)" for the whole project. Edits are computed on resolve, by the cleanup
 * engine, so they match `flagsweep cleanup`.
 */
export class FlagCodeActions implements vscode.CodeActionProvider<FlagCodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite] };

  constructor(private readonly index: WorkspaceIndex) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): FlagCodeAction[] {
    const file = doc.uri.fsPath;
    this.index.flush(file);
    const folder = this.index.folderFor(file);
    const entry = folder?.fileEntry(file.replace(/\\/g, '/'));
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    // A flag's status problem (expired, stale…) always has a fix: none offered is a fault worth a line in the log.
    // The reason is only put into words when there is such a problem: this runs on every cursor move.
    const explain = (why: () => string) => {
      if (context.diagnostics.some((d) => isStatusDiagnostic(d) && d.range.contains(range))) this.index.logInfo(`no flag fix at ${vscode.workspace.asRelativePath(file)} ${from}-${to} (version ${doc.version}): ${why()}`);
    };
    if (!folder || !entry) {
      explain(() => (folder ? 'the file is not in the index' : 'its folder has no index'));
      return [];
    }
    const actions: FlagCodeAction[] = [];
    const seenKeys = new Set<string>();
    for (const check of entry.checks) {
      if (check.key === null || check.range.end < from || check.range.start > to) continue;
      const record = folder.recordForCheck(check);
      if (!record) continue;
      const checkRange = new vscode.Range(doc.positionAt(check.range.start), doc.positionAt(check.range.end));
      const diagnostics = context.diagnostics.filter((d) => d.source === 'flagsweep' && d.range.intersection(checkRange));
      const choices = cleanupChoices(record);
      for (const c of choices) {
        const here = new FlagCodeAction(hereTitle(record.key, c.label, c.isChoice), vscode.CodeActionKind.QuickFix, {
          root: folder.root,
          key: record.key,
          value: c.value,
          scope: { kind: 'site', file: check.file, offset: check.range.start },
        });
        here.isPreferred = c.preferred && diagnostics.length > 0;
        here.diagnostics = diagnostics;
        actions.push(here);
      }
      if (seenKeys.has(record.key)) continue;
      seenKeys.add(record.key);
      const files = this.index.indexingProgress(folder.root) ? undefined : new Set(record.usages.map((u) => u.file)).size;
      for (const c of choices) {
        const everywhere = new FlagCodeAction(everywhereTitle(record.key, c.label, files, c.isChoice), vscode.CodeActionKind.QuickFix.append('flagsweep').append('everywhere'), {
          root: folder.root,
          key: record.key,
          value: c.value,
          scope: { kind: 'project' },
        });
        everywhere.diagnostics = diagnostics;
        actions.push(everywhere);
      }
    }
    if (actions.length === 0) explain(() => `checks held: ${entry.checks.map((c) => `${c.key}@${c.range.start}-${c.range.end}${c.key !== null && !folder.recordForCheck(c) ? ' (no record)' : ''}`).join(', ') || 'none'}`);
    return actions;
  }

  /**
   * Computes the edits with the cleanup engine. The project-wide action is verified first (type check before and
   * after, as `flagsweep cleanup` does) under a progress notification; a cleanup that would add a type error says
   * why and offers nothing to apply; so does cancelling it. It runs in a worker thread, so hovers and saves go on
   * meanwhile. Its edits apply when the person picks the action (the code-action preview gesture shows them, all
   * ticked, in the Refactor Preview first); a command then checks what was applied.
   */
  async resolveCodeAction(action: FlagCodeAction, token?: vscode.CancellationToken): Promise<FlagCodeAction> {
    const folder = this.index.folderByRoot(action.data.root);
    if (!folder) return action;
    const { key, value, scope } = action.data;
    const project = scope.kind === 'project';
    // The whole-flag plan runs in a worker thread (see planWholeFlag): the extension host stays responsive meanwhile.
    const plan = project ? await planWholeFlag(this.index, folder, key, value, token) : await loadEngine().planCleanup(folder, this.index.openText, key, value, scope);
    if (!plan) return action;
    const relative = (f: string) => vscode.workspace.asRelativePath(f);
    const refused = refusal(key, plan, relative);
    if (refused) {
      void vscode.window.showErrorMessage(refused);
      return action;
    }
    const label = `Remove flag "${key}" (keep ${JSON.stringify(plan.value)})`;
    action.edit = toWorkspaceEdit(editsToWorkspaceEdit(plan.files, { label, needsConfirmation: false, relativeName: relative }));
    if (project || plan.leftForHuman.length > 0) {
      action.command = {
        command: 'flagsweep.afterCleanup',
        title: 'Check what was applied',
        arguments: [{ key, expected: plan.files.map((f) => ({ file: f.file, after: f.after })), leftForHuman: plan.leftForHuman }],
      };
    }
    return action;
  }
}
