import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  for (const id of ['flagsweep.refresh', 'flagsweep.showReport', 'flagsweep.cleanupFlag', 'flagsweep.setToken']) {
    context.subscriptions.push(vscode.commands.registerCommand(id, () => undefined));
  }
}

export function deactivate(): void {}
