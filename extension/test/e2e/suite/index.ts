// Entry point VS Code calls with `extensionTestsPath` (code-server payload or @vscode/test-electron):
// runs every *.test.js next to this file with mocha, inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  // mocha 12 is ESM-first; its CommonJS entry exposes the class as default.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const M = require('mocha');
  const Mocha = M.default || M;
  // FLAGSWEEP_E2E_GREP runs only the matching tests (while working on one).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.FLAGSWEEP_E2E_GREP || undefined });
  // *.browser.test.js need the code-server runner (real mouse, screenshots); test-electron runs the rest.
  const browser = process.env.FLAGSWEEP_E2E_BROWSER === '1';
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && (browser || !f.endsWith('.browser.test.js')))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  await mocha.loadFilesAsync();
  const failures: number = await new Promise((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
