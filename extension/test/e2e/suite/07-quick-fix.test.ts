import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
// The same engine bundle the extension loads: the library `flagsweep cleanup` runs.
import { cleanupFlag, loadConfig } from '@flagsweep/analyzer';
import { api, fixtureUri, positionOf, waitFor, workspaceRoot } from './helpers';

describe('code actions', () => {
  before(api);

  it('offers "here" and "everywhere" fixes; the everywhere edit needs confirmation and matches the cleanup library', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = positionOf(doc, "'new-checkout'", 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(pos, pos));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove flag "new-checkout" here (keep ON)'), titles.join(' | '));
    assert.ok(titles.includes('Remove flag "new-checkout" everywhere (2 files, keep ON)…'), titles.join(' | '));

    const { index } = await api();
    const planned = await vscode.commands.executeCommand<{ file: string; metadata: { needsConfirmation: boolean } }[]>('flagsweep.cleanupFlag', {
      key: 'new-checkout',
      folder: index.all()[0].root,
      value: true,
      dryRun: true,
    });
    const library = await cleanupFlag({ config: loadConfig(workspaceRoot()), key: 'new-checkout', value: true, scope: { kind: 'project' } });
    assert.deepEqual(planned.map((f) => f.file).sort(), library.files.map((f) => f.file).sort());
    assert.ok(planned.length >= 2 && planned.every((f) => f.metadata.needsConfirmation), 'every entry goes through the refactor preview');
    const constants = library.files.find((f) => f.file.endsWith('/src/flags.ts'));
    assert.ok(constants && !constants.after.includes('NEW_CHECKOUT'), 'the now-unused constant is removed');
  });

  it('"Remove flag here (keep ON)" rewrites the file exactly as the cleanup library does', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const doc = await vscode.workspace.openTextDocument(uri);
    const offset = doc.getText().indexOf("useFlag('new-checkout')");
    const library = await cleanupFlag({ config: loadConfig(workspaceRoot()), key: 'new-checkout', value: true, scope: { kind: 'site', file: uri.fsPath, offset } });
    const expected = library.files.find((f) => f.file === uri.fsPath.replace(/\\/g, '/'));
    assert.ok(expected, 'the library changes the file');

    const pos = doc.positionAt(offset + 10);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(pos, pos), vscode.CodeActionKind.QuickFix.value, 50);
    const here = actions.find((a) => a.title === 'Remove flag "new-checkout" here (keep ON)');
    assert.ok(here?.edit, 'the quick fix resolves to an edit');
    assert.equal(here.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(here.edit));
    assert.equal(doc.getText(), expected.after);
    assert.ok(!doc.getText().includes('useFlag'), 'the check and its now-unused import are gone');
    assert.ok(!doc.getText().includes('LegacyCheckout'), 'the dead branch and its import are gone');
    await doc.save();

    const { index } = await api();
    await waitFor('the index to drop the removed usage', () => index.all()[0].record('new-checkout')?.usages.length === 1, 2000);
  });
});
