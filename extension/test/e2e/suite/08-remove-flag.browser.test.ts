import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, asPerson, cliCleanup, fixtureUri, recordFigure, waitFor } from './helpers';

/** The files on disk equal what `flagsweep cleanup` writes, file by file. */
function assertOnDisk(expected: Map<string, string>): void {
  assert.ok(expected.size > 0, 'the CLI changes files');
  for (const [file, text] of expected) assert.equal(fs.readFileSync(file, 'utf8'), text, file);
}

// Loaded only by the browser runner: a person's mouse and keyboard, nothing ticked or applied through the API.
describe('removing a flag as a person does', () => {
  before(api);

  it('lightbulb → "Remove flag … everywhere" → Save All writes exactly what `flagsweep cleanup` writes', async function () {
    this.timeout(420_000);
    const { index } = await api();
    const expected = cliCleanup('legacy-banner', 'true');
    await vscode.window.showTextDocument(fixtureUri('src/banner.ts'));
    const started = Date.now();
    const seen = await asPerson([
      { click: "'legacy-banner'" },
      { press: 'Control+.' },
      { action: 'Remove flag "legacy-banner" everywhere' },
      { screenshot: 'remove-flag-everywhere.png' },
    ]);
    assert.equal(seen.ok, true, seen.error);
    assert.match(seen.hoverText ?? '', /type-checking the result/, 'a progress notification says what is happening');
    const doc = await vscode.workspace.openTextDocument(fixtureUri('src/banner.ts'));
    await waitFor('the edit to be applied', () => doc.getText() === expected.get(doc.uri.fsPath), 150_000);
    recordFigure('wholeFlagActionToAppliedMs', Date.now() - started);
    await asPerson([{ palette: 'File: Save All' }]);
    await waitFor('every changed file to be saved', () => [...expected.keys()].every((f) => fs.readFileSync(f, 'utf8') === expected.get(f)), 15_000);
    assertOnDisk(expected);
    await waitFor('no usage of the flag left in the index', () => !index.all()[0].record('legacy-banner')?.usages.length, 10_000);
  });

  it('"flagsweep: Remove flag…" → pick the flag and the value → Apply → Save All', async function () {
    this.timeout(420_000);
    const expected = cliCleanup('beta-reports', 'false');
    const seen = await asPerson([
      { palette: 'flagsweep: Remove flag…' },
      { pick: 'beta-reports' },
      { pick: 'keep OFF, the code default' },
      { wait: 'Remove flag "beta-reports" (keep OFF, the code default)?' },
      { screenshot: 'remove-flag-confirm.png' },
      { button: 'Apply' },
    ]);
    assert.equal(seen.ok, true, seen.error);
    assert.match(seen.hoverText ?? '', /Remove flag "beta-reports" \(keep OFF, the code default\)\? 1 file changes, \d+ lines? removed\. Type check \(tsconfig\.json, \d+ files?\): no new errors\./);
    const doc = await vscode.workspace.openTextDocument(fixtureUri('src/reports.ts'));
    await waitFor('the edit to be applied', () => doc.getText() === expected.get(doc.uri.fsPath), 60_000);
    await asPerson([{ palette: 'File: Save All' }]);
    await waitFor('every changed file to be saved', () => [...expected.keys()].every((f) => fs.readFileSync(f, 'utf8') === expected.get(f)), 15_000);
    assertOnDisk(expected);
  });
});
