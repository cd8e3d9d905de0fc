import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
// The same engine bundle the extension loads: the library `flagsweep cleanup` runs.
import { cleanupFlag, loadConfig } from '@flagsweep/analyzer';
import type { CleanupOutcome } from '../../../src/commands';
import { api, cliCleanup, fixtureUri, positionOf, waitFor, workspaceRoot } from './helpers';

describe('code actions', () => {
  before(api);

  it('offers "here" and "everywhere" fixes on the check', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = positionOf(doc, "'new-checkout'", 3);
    // VS Code drops a request the document's model changes under (the editor still loading it): ask again then.
    let titles: string[] = [];
    await waitFor('code actions on the check', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(pos, pos));
      titles = actions.map((a) => a.title);
      return titles.some((t) => t.includes('everywhere'));
    }, 15_000).catch(() => undefined);
    assert.ok(titles.includes('Remove flag "new-checkout" here (keep ON)'), titles.join(' | '));
    assert.ok(titles.includes('Remove flag "new-checkout" everywhere (2 files, keep ON)…'), titles.join(' | '));
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
    await waitFor('the index to drop the removed usage', () => index.all()[0].record('new-checkout')?.usages.length === 1, 10_000);
  });

  it('"Remove flag everywhere" is type-checked before it is offered and gives what `flagsweep cleanup` writes', async () => {
    const { index } = await api();
    const outcome = await vscode.commands.executeCommand<CleanupOutcome>('flagsweep.cleanupFlag', { key: 'new-checkout', folder: index.all()[0].root, value: true, dryRun: true });
    assert.ok(outcome.edits.length > 0 && outcome.edits.every((f) => !f.metadata.needsConfirmation), 'no entry waits to be ticked');
    assert.equal(outcome.verification.mode, 'types');
    assert.deepEqual(outcome.verification.newDiagnostics, []);

    const cli = await cliCleanup('new-checkout', 'true');
    assert.deepEqual([...cli.keys()].sort(), outcome.edits.map((f) => f.file).sort(), 'the same files change');
    // Apply the planned edits (here without the preview) and compare every file with the CLI's.
    const edit = new vscode.WorkspaceEdit();
    for (const f of outcome.edits) for (const e of f.edits) edit.replace(vscode.Uri.file(f.file), new vscode.Range(e.range.startLine, e.range.startCharacter, e.range.endLine, e.range.endCharacter), e.newText);
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const [file, text] of cli) assert.equal((await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText(), text, file);
    const constants = cli.get(path.join(workspaceRoot(), 'src/flags.ts')) ?? '';
    assert.ok(!constants.includes('NEW_CHECKOUT'), 'the now-unused constant is removed');
    await vscode.workspace.saveAll();
    // The next tests copy the disk: the files are saved once their text is there.
    await waitFor('the saved files on disk', () => [...cli].every(([file, text]) => fs.readFileSync(file, 'utf8') === text), 30_000);
    await waitFor('no usage of the flag left in the index', () => !index.all()[0].record('new-checkout')?.usages.length, 10_000);
  });
});
