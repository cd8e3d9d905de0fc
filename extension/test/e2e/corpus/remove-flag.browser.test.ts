import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CleanupOutcome } from '../../../src/commands';
import { verificationWords } from '../../../src/mapping/cleanup-summary';
import { api, asPerson, waitFor, workspaceRoot } from '../suite/helpers';

/** What the runner picked on the real app (real-app.js): the flag read in the most files and its first check. */
interface RealApp {
  key: string;
  file: string;
  range: { line: number; column: number; endLine: number; endColumn: number };
}

function realApp(): RealApp | undefined {
  const handshake = process.env.FLAGSWEEP_E2E_HANDSHAKE;
  const file = handshake && path.join(handshake, 'real-app.json');
  return file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RealApp) : undefined;
}

/** The offset of the key in the picked check (the key's own text when the check spells it, else the check). */
function keyOffset(app: RealApp, text: string): number {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const start = lineStarts[app.range.line - 1] + app.range.column - 1;
  const end = lineStarts[app.range.endLine - 1] + app.range.endColumn - 1;
  const at = text.slice(start, end).indexOf(app.key);
  return at >= 0 ? start + at : start;
}

/** The files in which the CLI's scan of the folder on disk (`flagsweep scan --format json`) finds `key` read. */
function cliScanReads(root: string, key: string): string[] {
  const repo = process.env.FLAGSWEEP_E2E_REPO;
  if (!repo) throw new Error('FLAGSWEEP_E2E_REPO is not set: run through test/e2e/run.js');
  const cli = path.join(repo, 'analyzer/dist/cli/main.js');
  const run = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '--offline'], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', FLAGSWEEP_NOW: '2026-11-22' },
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `flagsweep scan exited ${run.status}: ${run.stderr}`);
  const flag = (JSON.parse(run.stdout).flags as { key: string; usages: { file: string }[] }[]).find((f) => f.key === key);
  return [...new Set((flag?.usages ?? []).map((u) => path.resolve(root, u.file)))].sort();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Loaded only by the browser runner, and only the `real` scenario has an app to change (the corpus is opened in
// place, read-only): what a person does on a real application, with the mouse and keyboard, nothing ticked.
describe('removing a flag everywhere on a real application, as a person does', () => {
  it('lightbulb on the flag → "Remove flag … everywhere" (preview gesture) → Apply in the Refactor Preview, nothing ticked → Save All', async function () {
    const app = realApp();
    if (!app) this.skip();
    this.timeout(900_000);
    const { index } = await api();
    const root = workspaceRoot();
    const relative = (f: string) => path.relative(root, f);
    const folder = index.all()[0];
    const record = folder.record(app.key);
    assert.ok(record && record.usages.length > 0, `flag ${app.key} is read in the app`);
    const filesReading = new Set(record.usages.map((u) => u.file));

    // The plan the action will apply, asked of the extension without applying it: what each file must read after,
    // and the type check the extension reports for it.
    const planStarted = performance.now();
    const plan = await vscode.commands.executeCommand<CleanupOutcome | undefined>('flagsweep.cleanupFlag', { key: app.key, folder: folder.root, value: true, dryRun: true });
    const planMs = performance.now() - planStarted;
    assert.ok(plan, `the extension refused or failed to plan the removal of ${app.key} (see its notifications)`);
    const verification = verificationWords(plan.verification, relative);
    assert.equal(plan.verification.newDiagnostics.length, 0, `the type check found new errors: ${verification}`);
    assert.notEqual(plan.verification.mode, 'skipped', `the plan was not type-checked: ${verification}`);
    const expected = new Map(plan.edits.map((e) => [e.file, plan.after[e.file]]));
    assert.ok(expected.size > 0, 'the plan changes files');
    for (const [file, after] of expected) assert.notEqual(fs.readFileSync(file, 'utf8'), after, `${relative(file)} already has the planned text before the action`);
    // A file reading the flag that the plan leaves alone (a site it can't rewrite safely) is listed for a person.
    const notPlanned = [...filesReading].filter((f) => !expected.has(f)).map(relative).sort();

    // The person opens the file and scrolls to the check.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(app.file));
    const keyAt = doc.positionAt(keyOffset(app, doc.getText()));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.revealRange(new vscode.Range(keyAt, keyAt), vscode.TextEditorRevealType.InCenter);
    await new Promise((r) => setTimeout(r, 500));

    const started = performance.now();
    const previewed = await asPerson([
      { lightbulb: app.key, line: keyAt.line + 1, menuTimeoutMs: 20_000 },
      { action: [`Remove flag "${app.key}" everywhere`, 'keep ON'], preview: true },
      // The plan runs (in the worker) when the action is chosen, then the Refactor Preview opens with every change ticked.
      { wait: 'Apply', in: 'preview', timeoutMs: 600_000 },
      { screenshot: 'real-remove-flag-preview.png' },
    ]);
    assert.equal(previewed.ok, true, previewed.error);
    const previewMs = performance.now() - started;
    const applyStarted = performance.now();
    const applied = await asPerson([{ button: 'Apply' }]);
    assert.equal(applied.ok, true, applied.error);
    const open = await Promise.all([...expected.keys()].map((f) => vscode.workspace.openTextDocument(vscode.Uri.file(f))));
    const unapplied = () => open.filter((d) => d.getText() !== expected.get(d.uri.fsPath));
    try {
      await waitFor('every planned file to have its planned text in the editor', () => unapplied().length === 0, 120_000);
    } catch (e) {
      const left = unapplied();
      const untouched = left.filter((d) => d.getText() === fs.readFileSync(d.uri.fsPath, 'utf8')).length;
      await asPerson([{ screenshot: 'real-remove-flag-not-applied.png' }]);
      throw new Error(
        `${(e as Error).message}: ${left.length} of ${expected.size} files differ from the plan (${untouched} still have their old text): ${left.map((d) => relative(d.uri.fsPath)).slice(0, 10).join(', ')} (screenshot real-remove-flag-not-applied.png)`,
      );
    }
    const applyMs = performance.now() - applyStarted;

    const saveStarted = performance.now();
    const saved = await asPerson([{ palette: 'File: Save All' }]);
    assert.equal(saved.ok, true, saved.error);
    const unsaved = () => [...expected.keys()].filter((f) => fs.readFileSync(f, 'utf8') !== expected.get(f));
    try {
      await waitFor('every changed file to be saved', () => unsaved().length === 0, 120_000);
    } catch (e) {
      throw new Error(`${(e as Error).message}: ${unsaved().map(relative).slice(0, 10).join(', ')} not written as planned`);
    }
    const saveMs = performance.now() - saveStarted;

    // On disk: the planned text in every file the plan named, and no read of the flag left there: neither the CLI's
    // own scan of the saved files nor the extension's index finds one.
    for (const [file, after] of expected) assert.equal(fs.readFileSync(file, 'utf8'), after, relative(file));
    const readsOnDisk = cliScanReads(root, app.key);
    assert.deepEqual(readsOnDisk.filter((f) => expected.has(f)).map(relative), [], `\`flagsweep scan\` still finds ${app.key} read in files of the plan`);
    assert.deepEqual(readsOnDisk.map(relative), notPlanned, `\`flagsweep scan\` finds ${app.key} read only where the plan left it`);
    await waitFor('no usage of the flag left in the index in the files of the plan', () => !index.all()[0].record(app.key)?.usages.some((u) => expected.has(u.file)), 60_000);
    // The key's text may stay where it is no flag read (a test's title, a component's prop of the same name): said, not failed.
    const textLeft = [...expected.keys()].flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((l, i) => (new RegExp(`\\b${escape(app.key)}\\b`).test(l) ? [`${relative(f)}:${i + 1}: ${l.trim()}`] : [])),
    );

    const notifications = [previewed.hoverText, applied.hoverText, saved.hoverText].filter(Boolean).join('\n---\n');
    assert.match(previewed.hoverText ?? '', /type-checking the result/, 'a progress notification says what is happening');
    assert.doesNotMatch(notifications, /cannot remove|would add|nothing was applied|only \d+ of \d+ files|kept changing|nothing was changed/, `notifications: ${notifications}`);

    const figures = {
      wholeFlagKey: app.key,
      filesReadingTheFlag: filesReading.size,
      dryRunPlanMs: Math.round(planMs),
      lightbulbToPreviewMs: Math.round(previewMs),
      applyToAllAppliedMs: Math.round(applyMs),
      saveAllToDiskMs: Math.round(saveMs),
      filesChanged: expected.size,
      filesReadingTheFlagNotChanged: notPlanned,
      verification,
      leftForHuman: notifications.match(/need a person[^\n]*/)?.[0],
      keyTextLeftInChangedFiles: textLeft,
    };
    console.log(JSON.stringify({ removeEverywhereAsPerson: figures }));
    const repo = process.env.FLAGSWEEP_E2E_REPO;
    if (repo) {
      const out = path.join(repo, 'test-results/extension-e2e/real-figures.json');
      const previous = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify({ ...previous, removeEverywhereAsPerson: { ...figures, measuredAt: new Date().toISOString() } }, null, 2) + '\n');
    }
  });
});
