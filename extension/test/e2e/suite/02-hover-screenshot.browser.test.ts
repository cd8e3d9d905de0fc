import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, screenshotHover } from './helpers';

// Loaded only by the browser runner (test/e2e/run.js), which performs the real mouse hover and takes the screenshot.
describe('hover in the browser', () => {
  before(api);

  it('renders in the browser on a real mouse hover (screenshot saved under test-results/)', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('src/checkout/CheckoutPage.tsx'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const seen = await screenshotHover("'new-checkout'", 'expired 3 days ago · owner payments', 'hover-new-checkout.png');
    assert.equal(seen.ok, true, seen.error);
    assert.match(seen.hoverText ?? '', /ON for everyone · expired 3 days ago · owner payments/);
    assert.match(seen.hoverText ?? '', /Remove flag \(keep ON\)/);
    console.log(`hover screenshot: ${seen.screenshot}`);
  });

  it('shows the flags view in the explorer (screenshot saved under test-results/)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('flagsweep.flags.focus');
    const seen = await screenshotHover('', 'new-checkout', 'flags-view.png', true);
    assert.equal(seen.ok, true, seen.error);
    assert.match(seen.hoverText ?? '', /new-checkout/);
    assert.match(seen.hoverText ?? '', /expired 3 days ago/);
  });
});
