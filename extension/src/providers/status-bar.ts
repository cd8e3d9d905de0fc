import * as vscode from 'vscode';
import { statusBarText } from '../mapping/status-bar';
import { readSettings } from '../workspace/settings';
import type { WorkspaceIndex } from '../workspace/workspace-index';

/** Counts of expired and stale flags; a click focuses the flags view. */
export class FlagStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('flagsweep.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    this.item.name = 'flagsweep';
    this.item.command = 'flagsweep.flags.focus';
    this.subscriptions = [index.onDidChange(() => this.update()), vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('flagsweep.statusBar') && this.update())];
  }

  update(): void {
    const content = statusBarText(this.index.all().flatMap((f) => f.records()));
    this.item.text = content.text;
    this.item.tooltip = content.tooltip;
    if (content.hidden || !readSettings().statusBar) this.item.hide();
    else this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
