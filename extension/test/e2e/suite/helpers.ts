import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FlagsweepApi } from '../../../src/extension';

export const EXTENSION_ID = 'flagsweep.flagsweep-vscode';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the fixture workspace is not open');
  return folder.uri.fsPath;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

/** Activates the extension (idempotent) and waits for its first index of the workspace. */
export async function api(): Promise<FlagsweepApi> {
  const ext = vscode.extensions.getExtension<FlagsweepApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const exports = await ext.activate();
  await exports.index.whenReady();
  return exports;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The position of the first occurrence of `needle` (plus `delta` characters) in a document. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${doc.uri.fsPath}`);
  return doc.positionAt(at + delta);
}

/** All hover markdown at a position, joined. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

interface ScreenshotResult {
  ok: boolean;
  screenshot?: string;
  hoverText?: string;
  error?: string;
  ticked?: number;
}

/** Asks the runner (outside VS Code) for a real mouse hover over `text` and a screenshot; resolves with what it saw. */
export async function screenshotHover(
  text: string,
  expect: string,
  file: string,
  view = false,
): Promise<ScreenshotResult> {
  return askRunner({ text, expect, file, view });
}

/** One thing a person does with mouse or keyboard (see personSteps in run.js). */
export type PersonStep =
  | { click: string }
  | { press: string }
  | { lightbulb: string; line?: number; menuTimeoutMs?: number }
  | { action: string | string[]; preview?: boolean }
  | { palette: string }
  | { pick: string }
  | { button: string; timeoutMs?: number }
  | { wait: string; in?: 'preview'; timeoutMs?: number }
  | { screenshot: string };

/** Asks the runner to do these steps in the browser, as a person would; resolves with the notifications it saw. */
export async function asPerson(steps: PersonStep[]): Promise<ScreenshotResult> {
  return askRunner({ steps });
}

async function askRunner(request: object): Promise<ScreenshotResult> {
  const dir = process.env.FLAGSWEEP_E2E_HANDSHAKE;
  if (!dir) throw new Error('FLAGSWEEP_E2E_HANDSHAKE is not set: run the suite through test/e2e/run.js');
  const done = path.join(dir, 'hover-done.json');
  fs.rmSync(done, { force: true });
  writeAtomically(path.join(dir, 'hover-ready.json'), JSON.stringify(request));
  return waitFor('the runner to answer', () => readJsonIfComplete<ScreenshotResult>(done), 300_000);
}

// The runner polls for these files in another process: a reader must never see a half-written one.
function writeAtomically(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

function readJsonIfComplete<T>(file: string): T | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Adds a measured figure to test-results/extension-e2e/figures.json (read by `npm run bench`). */
export function recordFigure(name: string, value: number): void {
  const repo = process.env.FLAGSWEEP_E2E_REPO;
  if (!repo) return;
  const file = path.join(repo, 'test-results/extension-e2e/figures.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const figures = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  figures[name] = value;
  figures.measuredAt = new Date().toISOString();
  fs.writeFileSync(file, JSON.stringify(figures, null, 2) + '\n');
}

/**
 * Runs the real CLI (`flagsweep cleanup <key> --value <v>`, which writes files) on a copy of the workspace, once no
 * document of the workspace has unsaved changes: the copy is the disk, and a save still being written (a loaded
 * machine makes VS Code wait up to 1.75 s per file for save participants) would otherwise change a file between the
 * copy and the comparison, and the result would expect that file's old text.
 */
export async function cliCleanup(key: string, value: string): Promise<Map<string, string>> {
  const repo = process.env.FLAGSWEEP_E2E_REPO;
  if (!repo) throw new Error('FLAGSWEEP_E2E_REPO is not set: run through test/e2e/run.js');
  const cli = path.join(repo, 'analyzer/dist/cli/main.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: build the analyzer (npx tsc -b)`);
  await waitForSaved();
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-cli-'));
  fs.cpSync(workspaceRoot(), copy, { recursive: true });
  const run = spawnSync(process.execPath, [cli, 'cleanup', key, '--value', value, '--no-color'], {
    cwd: copy,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', FLAGSWEEP_NOW: '2026-11-22' },
    encoding: 'utf8',
  });
  assert.ok(run.status === 0 || run.status === 1, `flagsweep cleanup exited ${run.status}: ${run.stderr}`);
  const changed = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const original = path.join(workspaceRoot(), path.relative(copy, p));
        const text = fs.readFileSync(p, 'utf8');
        if (!fs.existsSync(original) || fs.readFileSync(original, 'utf8') !== text) changed.set(original, text);
      }
    }
  };
  walk(copy);
  fs.rmSync(copy, { recursive: true, force: true });
  return changed;
}

/** Waits until no file of the workspace has unsaved changes in the editor (a save in flight has been written). */
export async function waitForSaved(timeoutMs = 30_000): Promise<void> {
  const root = workspaceRoot() + path.sep;
  const unsaved = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && d.uri.fsPath.startsWith(root) && d.isDirty && fs.existsSync(d.uri.fsPath));
  try {
    await waitFor('every document of the workspace to be saved', () => unsaved().length === 0, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}: ${unsaved().map((d) => path.relative(root, d.uri.fsPath)).join(', ')} still unsaved`);
  }
}
