#!/usr/bin/env node
// Runs the extension's mocha suite inside a real VS Code: code-server 4.100.3 opened in headless Chromium
// (playwright-core), with the extension-tests URL payload. Exit code = the suite's exit code; any missing
// prerequisite, startup failure or timeout exits non-zero (it never skips).
//
//   node test/e2e/run.js [--vsix path/to.vsix] [--scenario main|remote|restricted]
//
// Scenarios (all by default, one code-server each):
//   main        test-fixtures/vscode-checkout, trusted: hover, diagnostics, code actions, view, live flagd edits
//   remote      test-fixtures/vscode-multiroot (two folders), trusted, against a stand-in Unleash server
//   restricted  the same multi-root workspace untrusted (Restricted Mode): nothing may reach the server
//   corpus      (only with --scenario corpus, from `npm run bench`) figures on the 1M-line corpus
//   real        (only with --scenario real) the same figures on a real application: FLAGSWEEP_REAL_APP names its
//               work tree, FLAGSWEEP_REAL_APP_CONFIG a flagsweep config for it (see real-app.js); then removes the
//               widest flag everywhere as a person does (lightbulb, Refactor Preview, Apply, Save All)
// With --vsix the packaged extension is installed into the scratch extensions dir with --install-extension
// and the suites run against the installed copy instead of the development folder.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const { startFakeUnleash } = require('./fake-unleash');
const { prepareRealApp } = require('./real-app');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const EXT_DIR = path.resolve(__dirname, '../..');
const REPO = path.resolve(EXT_DIR, '..');
const CODE_SERVER = path.join(REPO, '.tools/code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.FLAGSWEEP_CHROMIUM || '/usr/bin/chromium';
const SCENARIOS = {
  main: { fixture: 'vscode-checkout', suite: 'out/e2e/suite/index.js', trusted: true },
  remote: { fixture: 'vscode-multiroot', workspaceFile: 'multiroot.code-workspace', suite: 'out/e2e/remote/index.js', trusted: true, unleash: true },
  restricted: { fixture: 'vscode-multiroot', workspaceFile: 'multiroot.code-workspace', suite: 'out/e2e/remote/index.js', trusted: false, unleash: true },
  // Performance figures on the generated 1M-line corpus, opened in place (read-only); run by `npm run bench`.
  corpus: { corpusDir: true, suite: 'out/e2e/corpus/index.js', trusted: true, onlyOnRequest: true },
  // The same figures on a real application's copy, with a flag file written for a few of its real keys.
  real: { realApp: true, suite: 'out/e2e/corpus/index.js', trusted: true, onlyOnRequest: true },
};
const UNLEASH_TOKEN = 'e2e-admin-token';
const ARTIFACTS = path.join(REPO, 'test-results/extension-e2e');
const TIMEOUT_MS = Number(process.env.FLAGSWEEP_E2E_TIMEOUT_MS || 420_000);
const NOW = '2026-11-22';

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}

function checkPrerequisites() {
  const missing = [];
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER}): run scripts/setup/code-server.sh`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM}): run scripts/setup/code-server.sh`);
  if (!fs.existsSync(path.join(EXT_DIR, 'dist/extension.js'))) missing.push('extension bundle dist/extension.js: run npm run build -w extension');
  for (const sc of Object.values(SCENARIOS)) {
    const suite = path.join(EXT_DIR, sc.suite);
    if (!fs.existsSync(suite)) missing.push(`test suite ${suite}: run npm run build -w extension`);
    if (sc.fixture && !fs.existsSync(path.join(REPO, 'test-fixtures', sc.fixture))) missing.push(`fixture workspace test-fixtures/${sc.fixture}`);
  }
  try {
    require.resolve('playwright-core');
  } catch {
    missing.push('npm package playwright-core');
  }
  if (missing.length) fail(`missing prerequisites:\n  - ${missing.join('\n  - ')}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server not healthy at ${url}`);
}

/** The suite asks for a real mouse hover by writing hover-ready.json; this side hovers, screenshots and answers. */
async function serveHoverScreenshots(page, handshake, stop) {
  const ready = path.join(handshake, 'hover-ready.json');
  while (!stop.done) {
    if (fs.existsSync(ready)) {
      const request = JSON.parse(fs.readFileSync(ready, 'utf8'));
      fs.rmSync(ready);
      let result;
      try {
        result = await hoverAndScreenshot(page, request);
      } catch (e) {
        result = { ok: false, error: String(e && e.message ? e.message : e) };
      }
      // Written beside, then renamed: the suite polls for this file and must never read it half-written.
      const done = path.join(handshake, 'hover-done.json');
      fs.writeFileSync(`${done}.tmp`, JSON.stringify(result));
      fs.renameSync(`${done}.tmp`, done);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Does what a person does, step by step, with the mouse and keyboard only:
 *   { click: 'text' }        click on that text in the editor (puts the cursor there)
 *   { press: 'Control+.' }   a key chord (Control+. opens the quick fixes at the cursor)
 *   { lightbulb: 'text' }    click that text in the editor, then the light bulb of its line (again, as a person
 *                            does, when no bulb shows or no menu opens); with line: N, the text on that line
 *                            (the gutter's number), with menuTimeoutMs how long one attempt waits for the menu
 *   { action: 'Remove …' }   choose that entry of the open code-action menu (the lightbulb's menu) with Enter
 *                            (an array: the entry that has every one of these texts);
 *   { action, preview: true }  the same with Ctrl+Enter, VS Code's gesture to see the edit in the Refactor Preview
 *   { palette: 'File: Save All' }  F1, type the command, Enter
 *   { pick: 'beta-reports' } click that row of the open quick pick
 *   { button: 'Apply' }      click that button of a notification, dialog or the Refactor Preview (timeoutMs: how
 *                            long it may take to show; 60 s)
 *   { wait: 'text' }         wait until a notification, a dialog or the Refactor Preview shows that text (in:
 *                            'preview': the Refactor Preview only; timeoutMs: 120 s)
 *   { screenshot: 'x.png' }
 * Resolves with the texts of notifications and dialogs seen along the way.
 */
async function personSteps(page, steps) {
  const seen = [];
  const note = async () => {
    for (const t of await page.locator('.notification-toast, .monaco-dialog-box').allInnerTexts().catch(() => [])) if (!seen.includes(t)) seen.push(t);
  };
  // Progress notifications come and go while a step runs: watch for them the whole time.
  const watching = { on: true };
  (async () => {
    while (watching.on) {
      await note();
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  for (const step of steps) {
    try {
      await personStep(page, step, note);
    } catch (e) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'failed-step.png') }).catch(() => {});
      watching.on = false;
      throw new Error(`step ${JSON.stringify(step)} failed (screenshot failed-step.png): ${e.message}`);
    }
    await page.waitForTimeout(200);
    await note();
  }
  watching.on = false;
  return { ok: true, hoverText: seen.join('\n---\n') };
}

async function personStep(page, step, note) {
  if (step.click) {
    const token = page.locator('.monaco-editor .view-lines span span', { hasText: step.click }).first();
    await token.waitFor({ state: 'visible', timeout: 15_000 });
    await token.click();
  } else if (step.press) {
    await page.keyboard.press(step.press);
  } else if (step.lightbulb) {
    // Click the flag key, then the light bulb VS Code shows for the line. The bulb comes once VS Code has asked the
    // providers about the cursor's position. On a busy machine the bulb a person sees first can still be the one
    // for where the cursor was before the click (the document's first line, right after it opened): its menu holds
    // only the TypeScript server's refactors. VS Code asks again only when the cursor moves, so clicking the same
    // spot again shows nothing new (seen: 15 such clicks in 90 s, one request). A person then closes the menu,
    // moves the cursor away and clicks the key again.
    const token = step.line ? await tokenOnLine(page, step.lightbulb, step.line) : page.locator('.monaco-editor .view-lines span span', { hasText: step.lightbulb }).first();
    const bulb = page.locator('.monaco-editor .lightBulbWidget').first();
    const menu = page.locator('.action-widget .monaco-list-row', { hasText: 'Remove flag' }).first();
    // A person whose bulb does not come keeps trying for a while, not a fixed number of clicks: up to 90 s, as for
    // the menu's rows below.
    const deadline = Date.now() + 90_000;
    for (let attempt = 1; ; attempt++) {
      try {
        await token.click({ timeout: 15_000 });
        await bulb.waitFor({ state: 'visible', timeout: 5_000 });
        await bulb.click();
        await menu.waitFor({ state: 'visible', timeout: step.menuTimeoutMs ?? 5_000 });
        break;
      } catch (e) {
        const offered = (await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => [])).join(' / ');
        if (attempt >= 6 && Date.now() > deadline) throw new Error(`clicked ${step.lightbulb} and its light bulb ${attempt} times in 90 s and no menu with flagsweep's actions opened (the last menu: ${offered || 'none'}): ${e.message}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Home');
        await page.waitForTimeout(1_000);
      }
    }
  } else if (step.action) {
    // The menu blocks pointer events until the mouse moves; a person at the keyboard walks it with the arrows.
    const parts = [].concat(step.action);
    let row = page.locator('.action-widget .monaco-list-row');
    for (const part of parts) row = row.filter({ hasText: part });
    await row.first().waitFor({ state: 'visible', timeout: 90_000 });
    for (let i = 0; i < 30; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
      if (parts.every((part) => focused.includes(part))) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press(step.preview ? 'Control+Enter' : 'Enter');
  } else if (step.palette) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await input.fill(`>${step.palette}`);
    // Enter runs the focused row: wait until the filter has put the command there, not a row of the list before it.
    const focused = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: step.palette }).first();
    await focused.waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    // The palette closes, or the command's own quick pick takes its place: either way the command has started.
    for (const deadline = Date.now() + 30_000; ; ) {
      const value = (await input.isVisible().catch(() => false)) ? await input.inputValue().catch(() => '') : '';
      if (value !== `>${step.palette}`) break;
      if (Date.now() > deadline) throw new Error(`"${step.palette}" did not run: the command palette is still open`);
      await page.waitForTimeout(100);
    }
  } else if (step.pick) {
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: step.pick }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await row.click();
  } else if (step.button) {
    await note();
    const button = page
      .locator('.notification-toast .monaco-button, .monaco-dialog-box .monaco-button, .bulk-edit-panel .monaco-button', { hasText: step.button })
      .filter({ visible: true })
      .first();
    await button.waitFor({ state: 'visible', timeout: step.timeoutMs ?? 60_000 });
    await note();
    await button.click();
  } else if (step.wait) {
    const where = step.in === 'preview' ? '.bulk-edit-panel' : '.notification-toast, .monaco-dialog-box, .bulk-edit-panel';
    await page.locator(where, { hasText: step.wait }).first().waitFor({ state: 'visible', timeout: step.timeoutMs ?? 120_000 });
  } else if (step.screenshot) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, step.screenshot) });
  }
}

/**
 * The editor token on line `line` (1-based, as the gutter numbers it) that contains `text`: a real app's file may
 * spell a flag key more than once on screen, and only the check on that line is the one the test means.
 */
async function tokenOnLine(page, text, line) {
  const gutter = page.locator('.monaco-editor .margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^\\s*${line}\\s*$`) }).first();
  await gutter.waitFor({ state: 'visible', timeout: 15_000 });
  const row = await gutter.boundingBox();
  const tokens = page.locator('.monaco-editor .view-lines span span', { hasText: text });
  for (let i = 0, n = await tokens.count(); i < n; i++) {
    const box = await tokens.nth(i).boundingBox().catch(() => null);
    if (box && row && box.y + box.height / 2 >= row.y && box.y + box.height / 2 <= row.y + row.height) return tokens.nth(i);
  }
  throw new Error(`no token "${text}" on line ${line} of the editor`);
}

async function hoverAndScreenshot(page, { text, expect, file, view, steps }) {
  if (steps) return personSteps(page, steps);
  if (view) {
    // A view, not a hover: close any hover, wait for its rows to render, then take the whole window.
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    // Collapse the file tree above the view so the view gets the height.
    const files = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'workspace' }).first();
    if (await files.count()) await files.click();
    await page.locator('.monaco-list-row', { hasText: expect }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(300);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, file);
    await page.screenshot({ path: shot });
    return { ok: true, screenshot: shot, hoverText: await page.locator('.monaco-list-row', { hasText: expect }).first().innerText() };
  }
  const token = page.locator('.monaco-editor .view-lines span span', { hasText: text }).first();
  await token.waitFor({ state: 'visible', timeout: 15_000 });
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expect });
  // The first hover after opening an editor can come back empty: move away and back until it renders.
  for (let attempt = 0; attempt < 8; attempt++) {
    const box = await token.boundingBox().catch(() => null);
    if (!box) {
      // The editor may still be re-rendering (a tab switch, a re-layout): look again.
      await page.waitForTimeout(300);
      continue;
    }
    await page.mouse.move(box.x + 2, box.y - 40);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 3000 });
      await page.waitForTimeout(300);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const shot = path.join(ARTIFACTS, file);
      await page.screenshot({ path: shot });
      const hoverText = await hover.first().innerText();
      return { ok: true, screenshot: shot, hoverText };
    } catch {
      /* retry */
    }
  }
  throw new Error(`no hover containing "${expect}" appeared over ${text}`);
}

async function runScenario(name, vsix, chromium) {
  const sc = SCENARIOS[name];
  console.log(`\ne2e: scenario ${name} (${sc.fixture ?? (sc.realApp ? process.env.FLAGSWEEP_REAL_APP : 'corpus')}, ${sc.trusted ? 'trusted' : 'Restricted Mode'})`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `flagsweep-e2e-${name}-`));
  let workspace = path.join(scratch, 'workspace');
  const handshake = path.join(scratch, 'handshake');
  fs.mkdirSync(handshake);
  if (sc.corpusDir) workspace = require(path.join(REPO, 'bench/corpus')).ensureCorpus();
  else if (sc.realApp) {
    const app = prepareRealApp({ repo: REPO, workspace, handshake });
    console.log(`e2e: ${app.app}: ${app.filesScanned} files in scope, ${app.flagsInCode} flags in code, flag file with ${app.flagsInFlagFile.join(', ')}; opening ${path.relative(workspace, app.file)}`);
  } else fs.cpSync(path.join(REPO, 'test-fixtures', sc.fixture), workspace, { recursive: true });
  let unleash;
  if (sc.unleash) {
    unleash = await startFakeUnleash(handshake, UNLEASH_TOKEN);
    const config = path.join(workspace, 'shop/flagsweep.config.json');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('http://127.0.0.1:1', `http://127.0.0.1:${unleash.port}`));
    fs.writeFileSync(path.join(handshake, 'unleash.json'), '[]');
  }
  const userData = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  // No welcome page or walkthrough over the editor the screenshot shows; nothing phones home.
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      // A scrolled editor pins the enclosing function's first line over the next one, where a flag key may be.
      'editor.stickyScroll.enabled': false,
    }),
  );
  const tmp = path.join(scratch, 'tmp');
  fs.mkdirSync(tmp);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    // code-server's IPC sockets (one per window and extension host) and the extension's temp files land in the
    // scratch folder, removed with it, instead of piling up in the machine's temp folder.
    TMPDIR: tmp,
    FLAGSWEEP_NOW: NOW,
    FLAGSWEEP_E2E_HANDSHAKE: handshake,
    FLAGSWEEP_E2E_REPO: REPO,
    FLAGSWEEP_E2E_SCENARIO: name,
    FLAGSWEEP_E2E_BROWSER: '1',
    FLAGSWEEP_LOG_TO_CONSOLE: '1',
    FLAGSWEEP_E2E_UNLEASH_TOKEN: sc.unleash ? UNLEASH_TOKEN : '',
  };
  let extensionPath = EXT_DIR;
  if (vsix) {
    execFileSync(CODE_SERVER, ['--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix], { env, stdio: 'inherit' });
    // VS Code runs extension tests only next to a development extension: point it at the folder
    // --install-extension unpacked, so the suite exercises exactly what the .vsix contains.
    const installed = fs.readdirSync(extensionsDir).find((d) => d.startsWith('flagsweep.flagsweep-vscode-'));
    if (!installed) throw new Error(`the .vsix did not install into ${extensionsDir}`);
    extensionPath = path.join(extensionsDir, installed);
    if (fs.existsSync(path.join(extensionPath, 'dist/extension.js.map'))) throw new Error('the .vsix contains source maps');
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const serverLog = fs.openSync(path.join(scratch, 'code-server.log'), 'w');
  const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', extensionsDir];
  if (sc.trusted) args.push('--disable-workspace-trust');
  const server = spawn(CODE_SERVER, [...args, workspace], { env, stdio: ['ignore', serverLog, serverLog], detached: true });
  const killServer = () => {
    // code-server forks its server and extension hosts: stop the process group this runner created, nothing else.
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killServer);
  let browser;
  const stop = { done: false };
  let code = 1;
  try {
    await waitForHealth(`${origin}/healthz`, server, Date.now() + 30_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = Array.isArray(args) ? util.format(...args) : String(args);
        // Gallery lookups fail offline by design, and workbench start-up chatter says nothing about the suite.
        if (/ENOTFOUND|^Creating a socket|^Resolv(ing|ed) connection token|^Creation of workbench contribution|^Updating additional builtin|^\[Service Worker\]|^ChatSessionStore|^OverlayWebview has been disposed|refused to show dialog in tests/.test(line)) return;
        (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
      });
      page.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode));
    });
    page.on('pageerror', (e) => console.error(`e2e: page error: ${e.message}`));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(path.join(EXT_DIR, sc.suite))]];
    const target = sc.workspaceFile ? `workspace=${encodeURIComponent(path.join(workspace, sc.workspaceFile))}` : `folder=${encodeURIComponent(workspace)}`;
    await page.goto(`${origin}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    serveHoverScreenshots(page, handshake, stop).catch((e) => console.error(`e2e: screenshot helper: ${e.message}`));
    code = await exited;
    console.log(`e2e: scenario ${name} finished with exit code ${code}`);
  } catch (e) {
    console.error(`e2e: scenario ${name}: ${e && e.stack ? e.stack : e}`);
    code = 1;
  } finally {
    stop.done = true;
    if (browser) await browser.close().catch(() => {});
    killServer();
    unleash?.server.close();
  }
  if (code === 0) fs.rmSync(scratch, { recursive: true, force: true });
  else console.error(`e2e: kept ${scratch} (code-server.log, workspace) for inspection`);
  return typeof code === 'number' ? code : 1;
}

async function main() {
  const arg = (flag) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const vsix = arg('--vsix') && path.resolve(arg('--vsix'));
  if (vsix && !fs.existsSync(vsix)) fail(`no .vsix at ${vsix}`);
  const only = arg('--scenario');
  if (only && !SCENARIOS[only]) fail(`unknown scenario ${only}: one of ${Object.keys(SCENARIOS).join(', ')}`);
  checkPrerequisites();
  const { chromium } = require('playwright-core');
  const timer = setTimeout(() => {
    console.error(`e2e: timed out after ${TIMEOUT_MS} ms`);
    process.exit(3);
  }, TIMEOUT_MS);
  const failed = [];
  for (const name of only ? [only] : Object.keys(SCENARIOS).filter((n) => !SCENARIOS[n].onlyOnRequest)) {
    if ((await runScenario(name, vsix, chromium)) !== 0) failed.push(name);
  }
  clearTimeout(timer);
  if (failed.length) console.error(`e2e: failed scenarios: ${failed.join(', ')}`);
  else console.log('e2e: all scenarios passed');
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => fail(e && e.message ? e.message : String(e)));
