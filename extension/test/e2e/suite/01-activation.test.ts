import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, recordFigure } from './helpers';

describe('activation', () => {
  it('activates on a workspace with flagsweep.config.json, and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    const exports = await api();
    assert.equal(ext.isActive, true);
    console.log(`activation: loading the bundle + activate() took ${exports.activationMs.toFixed(1)} ms`);
    recordFigure('activationMs', exports.activationMs);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['flagsweep.refresh', 'flagsweep.showReport', 'flagsweep.cleanupFlag', 'flagsweep.removeFlag', 'flagsweep.showFlag', 'flagsweep.setToken', 'flagsweep.showUsages', 'flagsweep.openDashboard', 'flagsweep.copyKey']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
    assert.deepEqual(exports.index.errors(), []);
  });
});
