import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CleanupOutcome } from '../../../src/commands';
import { api, fixtureUri, screenshotHover } from './helpers';

// Loaded only by the browser runner, which ticks the changes in the Refactor Preview and presses Apply, as a person does.
describe('refactor preview', () => {
  it('"Remove flag everywhere" changes nothing until the preview is confirmed, then applies the plan', async () => {
    const { index } = await api();
    const uri = fixtureUri('src/banner.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const running = vscode.commands.executeCommand<CleanupOutcome>('flagsweep.cleanupFlag', { key: 'legacy-banner', folder: index.all()[0].root, value: true });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(doc.getText(), before, 'nothing changes while the preview waits for confirmation');
    const seen = await screenshotHover('', '', 'refactor-preview.png', false, 'confirm-refactor-preview');
    assert.equal(seen.ok, true, seen.error);
    assert.match(seen.hoverText ?? '', /banner\.ts/);
    assert.ok((seen.ticked ?? 0) > 0, 'the changes started unticked (needsConfirmation)');
    const outcome = await running;
    assert.equal(doc.getText(), outcome.after[uri.fsPath.replace(/\\/g, '/')]);
    assert.match(doc.getText(), /return 'Join our loyalty program';/);
  });
});
