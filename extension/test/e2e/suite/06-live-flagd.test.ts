import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, hoverText, positionOf, recordFigure, waitFor } from './helpers';

describe('live flag state', () => {
  before(api);

  it('an unsaved edit to flags.flagd.json shows in the hover and diagnostics (figure recorded for the 1 s budget)', async () => {
    const flagd = await vscode.workspace.openTextDocument(fixtureUri('flags.flagd.json'));
    const page = await vscode.workspace.openTextDocument(fixtureUri('src/checkout/CheckoutPage.tsx'));
    const at = positionOf(page, "'new-checkout'", 3);
    assert.match(await hoverText(page.uri, at), /ON for everyone/);

    // Switch new-checkout's default variant to "off" without saving.
    const text = flagd.getText();
    const from = text.indexOf('"defaultVariant": "on"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(flagd.uri, new vscode.Range(flagd.positionAt(from), flagd.positionAt(from + '"defaultVariant": "on"'.length)), '"defaultVariant": "off"');
    const started = Date.now();
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(flagd.isDirty, true);
    // The 1 s budget is checked by `npm run bench` from the recorded figure; a test only waits for the behaviour.
    await waitFor('the hover to show the new value', async () => /serves `false` to everyone/.test(await hoverText(page.uri, at)), 10_000);
    const elapsed = Date.now() - started;
    console.log(`flagd edit → hover updated in ${elapsed} ms`);
    recordFigure('flagdEditToHoverMs', elapsed);
    await waitFor('diagnostics to carry the new winning value', () =>
      vscode.languages.getDiagnostics(page.uri).some((d) => d.source === 'flagsweep' && /Winning value `false`/.test(d.message)),
    10_000);

    // Undo the edit: the next suite cleans up with the original value.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(flagd.uri, new vscode.Range(flagd.positionAt(0), flagd.positionAt(flagd.getText().length)), text);
    await vscode.workspace.applyEdit(undo);
    await flagd.save();
    await waitFor('the hover to show the original value', async () => /ON for everyone/.test(await hoverText(page.uri, at)), 10_000);
  });

  it('a code edit re-scans only that file and updates records', async () => {
    const { index } = await api();
    const reports = await vscode.workspace.openTextDocument(fixtureUri('src/reports.ts'));
    const original = reports.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(reports.uri, reports.lineAt(reports.lineCount - 1).range.end, "\nexport const more = () => client.getBooleanValue('beta-reports', false);\n");
    await vscode.workspace.applyEdit(edit);
    await waitFor('the second usage of beta-reports', () => index.all()[0].record('beta-reports')?.usages.length === 2, 10_000);
    const restore = new vscode.WorkspaceEdit();
    restore.replace(reports.uri, new vscode.Range(reports.positionAt(0), reports.positionAt(reports.getText().length)), original);
    await vscode.workspace.applyEdit(restore);
    await reports.save();
    await waitFor('beta-reports back to one usage', () => index.all()[0].record('beta-reports')?.usages.length === 1, 10_000);
  });

  it('a malformed flag file gets an error in the Problems panel at its position until it is fixed', async () => {
    const flagd = await vscode.workspace.openTextDocument(fixtureUri('flags.flagd.json'));
    const text = flagd.getText();
    const from = text.indexOf('"defaultVariant": "on"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(flagd.uri, new vscode.Range(flagd.positionAt(from), flagd.positionAt(from + '"defaultVariant": "on"'.length)), '"defaultVariant": on');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const flagFileProblems = () => vscode.languages.getDiagnostics(flagd.uri).filter((d) => d.source === 'flagsweep');
    const [problem] = await waitFor('an error on flags.flagd.json', () => flagFileProblems().length > 0 && flagFileProblems(), 10_000);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /invalid JSON at line \d+, column \d+/);
    assert.equal(problem.range.start.line, flagd.positionAt(from).line, 'on the line of the broken value');
    assert.equal(typeof problem.code === 'object' && problem.code.value, 'flagsweep/flag-file');

    const undo = new vscode.WorkspaceEdit();
    undo.replace(flagd.uri, new vscode.Range(flagd.positionAt(0), flagd.positionAt(flagd.getText().length)), text);
    await vscode.workspace.applyEdit(undo);
    await flagd.save();
    await waitFor('the error to go away', () => flagFileProblems().length === 0, 10_000);
    const { index } = await api();
    await waitFor('the flag states back', () => index.all()[0].record('new-checkout')?.status === 'expired', 10_000);
  });
});
