import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, waitFor } from './helpers';

describe('completion and report', () => {
  before(api);

  it('completes flag keys inside a flag check, in calls and element accesses', async () => {
    // A scratch file inside the workspace folder, so it belongs to the indexed folder.
    const uri = fixtureUri('src/scratch.ts');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: true, contents: Buffer.from("import { OpenFeature } from '@openfeature/web-sdk';\nconst c = OpenFeature.getClient();\nc.getBooleanValue('ne") });
    await vscode.workspace.applyEdit(edit);
    const scratch = await vscode.workspace.openTextDocument(uri);
    const end = scratch.lineAt(2).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, end, "'");
    const keys = list.items.filter((i) => i.detail && /·/.test(i.detail)).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(keys.includes('new-checkout') && keys.includes('newNav') && keys.includes('dark-mode'), keys.join(','));
    // Not only calls: an element access of a configured object path (`config.featureToggles[...]`) takes keys too.
    const more = new vscode.WorkspaceEdit();
    more.insert(uri, end, "\ndeclare const config: { featureToggles: Record<string, boolean> };\nconfig.featureToggles['da");
    await vscode.workspace.applyEdit(more);
    const elementList = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, scratch.lineAt(4).range.end, "'");
    const element = elementList.items.find((i) => i.label === 'dark-mode' && i.detail && /·/.test(i.detail));
    assert.ok(element, elementList.items.map((i) => i.label).join(','));
    assert.deepEqual([element.range && 'start' in element.range && element.range.start.character], [scratch.lineAt(4).text.indexOf("'da") + 1]);
    const del = new vscode.WorkspaceEdit();
    del.deleteFile(uri);
    await vscode.workspace.applyEdit(del);
  });

  it('validates flagsweep.config.json against the published schema (jsonValidation)', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('flagsweep.config.json'));
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().indexOf('{') + 1), '\n  "keys": { "case": "Title Case" }, "bogusField": 1,');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const problems = await waitFor('schema diagnostics from the JSON language server', () => {
        const list = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'flagsweep');
        return list.length >= 2 && list;
      }, 20_000);
      assert.ok(problems.some((d) => /bogusField/.test(d.message)), problems.map((d) => d.message).join(' | '));
      assert.ok(problems.some((d) => /kebab-case/.test(d.message)), problems.map((d) => d.message).join(' | '));
    } finally {
      const restore = new vscode.WorkspaceEdit();
      restore.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(restore);
      await doc.save();
    }
  });

  it('opens the tech-debt report in a webview', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('flagsweep.showReport');
    assert.ok(panel, 'a panel was opened');
    assert.match(panel.webview.html, /new-checkout/);
    assert.match(panel.webview.html, /Content-Security-Policy/i);
    panel.dispose();
  });
});
