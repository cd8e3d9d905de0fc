import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates on a workspace with flagsweep.config.json and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    const started = Date.now();
    await ext.activate();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['flagsweep.refresh', 'flagsweep.showReport', 'flagsweep.cleanupFlag', 'flagsweep.setToken']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
    console.log(`activation (already started by workspaceContains or now): ${Date.now() - started} ms`);
  });
});
