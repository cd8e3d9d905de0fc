import * as vscode from 'vscode';
import { type PlainDiagnostic, recordToDiagnostics, unreachableDiagnostic } from '../mapping/diagnostics';
import { problemsToDiagnostics } from '../mapping/problems';
import { LineMap } from '../mapping/ranges';
import { readSettings } from '../workspace/settings';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { toDiagnostic } from './convert';

type Folder = NonNullable<ReturnType<WorkspaceIndex['folderFor']>>;

/**
 * Problems-panel entries for expired, expiring, stale and missing flags at every usage, for malformed
 * annotations and flag files at their positions, plus faded
 * (Unnecessary) code in open documents where a flag with a winning value makes a branch unreachable.
 */
export class FlagDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('flagsweep');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Last published diagnostics per file, as JSON, to skip unchanged files. */
  private readonly published = new Map<string, string>();
  lastRefreshMs = 0;

  constructor(private readonly index: WorkspaceIndex) {
    this.disposables.push(
      index.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('flagsweep') && this.refresh()),
    );
  }

  refresh(): void {
    const started = performance.now();
    const byFile = new Map<string, PlainDiagnostic[]>();
    const add = (d: PlainDiagnostic) => {
      const list = byFile.get(d.file) ?? [];
      list.push(d);
      byFile.set(d.file, list);
    };
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.fsPath.replace(/\\/g, '/')));
    for (const folder of this.index.all()) {
      const settings = readSettings(vscode.Uri.file(folder.root));
      for (const record of folder.records()) for (const d of recordToDiagnostics(record, { severities: settings.severities })) add(d);
      for (const d of problemsToDiagnostics(folder.problems())) add(d);
      if (settings.fadeUnreachableBranches) for (const file of visible) for (const d of this.unreachable(folder, file)) add(d);
    }
    for (const [file, list] of byFile) {
      const json = JSON.stringify(list);
      if (this.published.get(file) === json) continue;
      this.published.set(file, json);
      this.collection.set(vscode.Uri.file(file), list.map(toDiagnostic));
    }
    for (const file of [...this.published.keys()]) {
      if (byFile.has(file)) continue;
      this.published.delete(file);
      this.collection.delete(vscode.Uri.file(file));
    }
    this.lastRefreshMs = performance.now() - started;
  }

  /** Faded code in one open file: what the cleanup engine removes for each flag with a winning value there. */
  private readonly faded = new Map<string, { version: string; diagnostics: PlainDiagnostic[] }>();

  private unreachable(folder: Folder, file: string): PlainDiagnostic[] {
    const entry = folder.fileEntry(file);
    const text = this.index.readFile(file);
    if (!entry || text === undefined) return [];
    const decided = new Map<string, unknown>();
    for (const c of entry.checks) {
      const record = folder.recordForCheck(c);
      if (!record || record.status === 'missing' || record.winner.kind === 'none') continue;
      // The value the cleanup keeps: the served value, or (undefined) the code default every check writes.
      decided.set(record.key, record.winner.kind === 'value' ? record.winner.value : undefined);
    }
    const version = JSON.stringify([text, [...decided]]);
    const known = this.faded.get(file);
    if (known?.version === version) return known.diagnostics;
    const lines = new LineMap(text);
    void Promise.all([...decided].map(([key, value]) => folder.deadRanges(file, key, value))).then((all) => {
      const diagnostics = all.flat().map((r) => unreachableDiagnostic(file, lines.range(r.start, r.end), r.key, r.value));
      this.faded.set(file, { version, diagnostics });
      if (diagnostics.length > 0 || known?.diagnostics.length) this.refresh();
    });
    return [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
