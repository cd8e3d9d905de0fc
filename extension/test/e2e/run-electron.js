#!/usr/bin/env node
// The same end-to-end suites in desktop VS Code via @vscode/test-electron, for a machine that can download
// VS Code (not this CI: it has no route to the update server, so CI runs test/e2e/run.js in code-server).
//
//   npm install --no-save @vscode/test-electron@~2.5.0   (2.5.x is the line for Node 20)
//   npm run build -w extension && node extension/test/e2e/run-electron.js
//
// The main suite runs through the same `run()` contract. Files named *.browser.test.ts (the real mouse hover and
// its screenshot) need the browser runner and are not loaded here; the remote/Restricted Mode scenarios need its
// stand-in Unleash server and trust setup, so they stay with test/e2e/run.js too.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const EXT_DIR = path.resolve(__dirname, '../..');
const REPO = path.resolve(EXT_DIR, '..');

async function main() {
  let runTests;
  try {
    ({ runTests } = require('@vscode/test-electron'));
  } catch {
    console.error('e2e (electron): @vscode/test-electron is not installed: npm install --no-save @vscode/test-electron@~2.5.0');
    process.exit(2);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-e2e-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(REPO, 'test-fixtures/vscode-checkout'), workspace, { recursive: true });
  const handshake = path.join(scratch, 'handshake');
  fs.mkdirSync(handshake);
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: EXT_DIR,
      extensionTestsPath: path.join(EXT_DIR, 'out/e2e/suite/index.js'),
      launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', '--user-data-dir', path.join(scratch, 'user-data')],
      extensionTestsEnv: { FLAGSWEEP_NOW: '2026-11-22', FLAGSWEEP_E2E_HANDSHAKE: handshake, FLAGSWEEP_E2E_REPO: REPO },
    });
  } catch (e) {
    console.error(`e2e (electron): ${e && e.message ? e.message : e}`);
    process.exit(1);
  }
}

main();
