import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, waitFor } from './helpers';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'flagsweep');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('diagnostics', () => {
  before(api);

  it('reports the expired flag at each usage with reason, winning value and a docs-linked code', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const expired = await waitFor('the expired-flag diagnostic', () => ours(uri).find((d) => codeOf(d) === 'flagsweep/expired'));
    assert.equal(expired.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(expired.message, /^Flag "new-checkout" is expired: expired on 2026-11-19 \(3 days ago\)/);
    assert.match(expired.message, /Winning value `true` \(ON for everyone\): remove the flag and keep it\.$/);
    assert.equal(expired.range.start.line, 5);
    const code = expired.code as { target: vscode.Uri };
    assert.match(code.target.toString(), /README\.md#flagsweepexpired$/);
    assert.ok(ours(fixtureUri('src/checkout/summary.ts')).some((d) => codeOf(d) === 'flagsweep/expired'));
  });

  it('reports stale, missing and expiring flags', async () => {
    await waitFor('stale', () => ours(fixtureUri('src/banner.ts')).some((d) => codeOf(d) === 'flagsweep/stale'));
    const missing = await waitFor('missing', () => ours(fixtureUri('src/reports.ts')).find((d) => codeOf(d) === 'flagsweep/missing'));
    assert.match(missing.message, /not defined in flags\.flagd\.json: every check evaluates to the code default\.$/);
    assert.equal(missing.message.match(/code default/g)?.length, 1, 'the code default is named once');
    const expiring = await waitFor('expiring', () => ours(fixtureUri('src/theme.ts')).find((d) => codeOf(d) === 'flagsweep/expiring'));
    assert.equal(expiring.severity, vscode.DiagnosticSeverity.Information);
  });

  it('fades the branch a winning value makes unreachable in an open editor', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const faded = await waitFor('an Unnecessary-tagged range', () => ours(uri).find((d) => d.tags?.includes(vscode.DiagnosticTag.Unnecessary)));
    assert.equal(doc.getText(faded.range), 'return <LegacyCheckout />;');
    assert.equal(codeOf(faded), 'flagsweep/unreachable');
  });

  it('follows the configured severity', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const config = vscode.workspace.getConfiguration('flagsweep');
    await config.update('severity.expired', 'error', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('an error-severity expired diagnostic', () => ours(uri).some((d) => codeOf(d) === 'flagsweep/expired' && d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await config.update('severity.expired', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
