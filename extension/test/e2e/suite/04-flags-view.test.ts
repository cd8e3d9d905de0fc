import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

describe('flags view and status bar', () => {
  it('lists flags grouped by status with usages as children that open their location', async () => {
    const { flagsView } = await api();
    const groups = flagsView.getChildren();
    const labels = groups.map((g) => flagsView.plainItem(g).label);
    assert.deepEqual(labels, ['Expired', 'Expiring soon', 'Stale', 'Missing from source', 'Active']);
    const flagsIn = (i: number) => flagsView.getChildren(groups[i]).map((f) => flagsView.plainItem(f));
    assert.deepEqual(flagsIn(0).map((f) => f.label), ['new-checkout']);
    assert.equal(flagsIn(0)[0].description, 'ON for everyone · expired 3 days ago · owner payments');
    assert.deepEqual(flagsIn(2).map((f) => f.label), ['legacy-banner']);
    assert.deepEqual(flagsIn(3).map((f) => f.label), ['beta-reports']);
    assert.deepEqual(flagsIn(4).map((f) => f.label), ['newNav', 'search-v2']);
    const usages = flagsView.getChildren(flagsView.getChildren(groups[0])[0]).map((u) => flagsView.getTreeItem(u));
    assert.deepEqual(usages.map((u) => u.label), ['src/checkout/CheckoutPage.tsx:6', 'src/checkout/summary.ts:7']);
    assert.equal(usages[0].command?.command, 'flagsweep.openUsage');
    await vscode.commands.executeCommand(usages[1].command!.command, ...(usages[1].command!.arguments ?? []));
    assert.match(vscode.window.activeTextEditor?.document.uri.fsPath ?? '', /summary\.ts$/);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 6);
  });

  it('shows expired and stale counts in the status bar', async () => {
    const { statusBar } = await api();
    assert.equal(statusBar.text, '$(flag) 1 expired · 1 stale');
  });

  it('copies a flag key from the context menu command', async () => {
    const { flagsView } = await api();
    const flag = flagsView.getChildren(flagsView.getChildren()[0])[0];
    await vscode.commands.executeCommand('flagsweep.copyKey', flag);
    assert.equal(await vscode.env.clipboard.readText(), 'new-checkout');
  });
});
