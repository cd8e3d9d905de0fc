import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
    const expected = await cliCleanup('legacy-banner', 'true');
    await vscode.window.showTextDocument(fixtureUri('src/banner.ts'));
    // How long the extension host's thread is ever busy while the action runs (the plan is in a worker thread).
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const started = Date.now();
    const seen = await asPerson([
      { lightbulb: "'legacy-banner'" },
      { action: 'Remove flag "legacy-banner" everywhere' },
      { screenshot: 'remove-flag-everywhere.png' },
    ]);
    assert.equal(seen.ok, true, seen.error);
    assert.match(seen.hoverText ?? '', /type-checking the result/, 'a progress notification says what is happening');
    const doc = await vscode.workspace.openTextDocument(fixtureUri('src/banner.ts'));
    await waitFor('the edit to be applied', () => doc.getText() === expected.get(doc.uri.fsPath), 150_000);
    recordFigure('wholeFlagActionToAppliedMs', Date.now() - started);
    stalls.disable();
    console.log(`extension host: longest stall while the whole-flag action ran: ${(stalls.max / 1e6).toFixed(0)} ms`);
    recordFigure('wholeFlagActionLongestHostStallMs', Math.round(stalls.max / 1e6));
    await saveAllAsPerson(expected);
    await waitFor('no usage of the flag left in the index', () => !index.all()[0].record('legacy-banner')?.usages.length, 10_000);
  });

  it('lightbulb → "Remove flag … everywhere" with the preview gesture → Apply in the Refactor Preview (nothing to tick) → Save All', async function () {
    this.timeout(420_000);
    const { index } = await api();
    const expected = await cliCleanup('dark-mode', 'false');
    assert.equal(expected.size, 2, 'the flag and its enum member: two files change');
    const theme = fixtureUri('src/theme.ts');
    await vscode.window.showTextDocument(theme);
    const previewed = await asPerson([
      { lightbulb: 'DarkMode' },
      { action: ['Remove flag "dark-mode" everywhere', 'keep OFF'], preview: true },
      { wait: 'theme.ts' },
      { screenshot: 'remove-flag-preview.png' },
    ]);
    assert.equal(previewed.ok, true, previewed.error);
    // The preview shows the text after the removal under the file's path: the index still reads the file itself.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(index.all()[0].fileEntry(theme.fsPath)?.checks.length, 1, 'the check of theme.ts is still indexed while the preview is open');
    const seen = await asPerson([{ button: 'Apply' }]);
    assert.equal(seen.ok, true, seen.error);
    for (const [file, text] of expected) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await waitFor(`the edit of ${path.basename(file)} to be applied`, () => doc.getText() === text, 60_000);
    }
    await saveAllAsPerson(expected);
    await waitFor('no usage of the flag left in the index', () => !index.all()[0].record('dark-mode')?.usages.length, 10_000);
  });

  it('"flagsweep: Remove flag…" → pick the flag and the value → Apply → Save All', async function () {
    this.timeout(420_000);
    const expected = await cliCleanup('beta-reports', 'false');
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
    await saveAllAsPerson(expected);
  });
});

/** "File: Save All" from the command palette, then the files on disk equal what `flagsweep cleanup` writes. */
async function saveAllAsPerson(expected: Map<string, string>): Promise<void> {
  const seen = await asPerson([{ palette: 'File: Save All' }]);
  assert.equal(seen.ok, true, seen.error);
  const unsaved = () => [...expected.keys()].filter((f) => fs.readFileSync(f, 'utf8') !== expected.get(f));
  try {
    await waitFor('every changed file to be saved', () => unsaved().length === 0, 30_000);
  } catch (e) {
    // Say what was left: a file still dirty in the editor (not saved) or saved with other text than the CLI's.
    const states = unsaved().map((f) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === f);
      return `${path.basename(f)}: ${doc ? (doc.isDirty ? 'unsaved in the editor' : doc.getText() === expected.get(f) ? 'saved text differs on disk' : 'editor text differs from the CLI') : 'not open'}`;
    });
    await asPerson([{ screenshot: 'save-all-failed.png' }]);
    throw new Error(`${(e as Error).message} (${states.join('; ')}; screenshot save-all-failed.png; notifications: ${seen.hoverText})`);
  }
  assertOnDisk(expected);
}
