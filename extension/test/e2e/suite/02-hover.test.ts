import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, hoverText, positionOf } from './helpers';

describe('hover', () => {
  before(api);

  it('shows state in plain words, expiry, owner, status, source, usages and command links on a flag check', async () => {
    const uri = fixtureUri('src/checkout/CheckoutPage.tsx');
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = await hoverText(uri, positionOf(doc, "'new-checkout'", 3));
    assert.match(text, /\*\*flag\*\* `new-checkout` — One\\-page checkout with saved cards/);
    assert.match(text, /ON for everyone · expired 3 days ago · owner payments/);
    assert.match(text, /\*\*expired\*\*: expired on 2026\\-11\\-19/);
    assert.match(text, /source flags\.flagd\.json · 2 usages in 2 files/);
    assert.match(text, /\[Remove flag \\\(keep ON\\\)\]\(command:flagsweep\.cleanupFlag\?/);
    assert.match(text, /\[Show usages\]\(command:flagsweep\.showUsages\?/);
    assert.match(text, /\[Refresh\]\(command:flagsweep\.refresh\?/);
  });

  it('works on a constant holding a key, an enum member, a property-access flag and a destructured hook flag', async () => {
    const flags = await vscode.workspace.openTextDocument(fixtureUri('src/flags.ts'));
    assert.match(await hoverText(flags.uri, positionOf(flags, "'new-checkout'", 2)), /`new-checkout`[\s\S]*ON for everyone/);
    const theme = await vscode.workspace.openTextDocument(fixtureUri('src/theme.ts'));
    assert.match(await hoverText(theme.uri, positionOf(theme, 'Flags.DarkMode', 8)), /`dark-mode` — Dark theme rollout\n\n50% rollout · expires in 12 days · owner design/);
    const nav = await vscode.workspace.openTextDocument(fixtureUri('src/nav/NavBar.tsx'));
    assert.match(await hoverText(nav.uri, positionOf(nav, 'newNav', 2)), /`newNav` — Redesigned navigation bar\n\nOFF: serves the code default · expires in 54 days · owner web\\-platform/);
    const search = await vscode.workspace.openTextDocument(fixtureUri('src/search/SearchBox.tsx'));
    assert.match(await hoverText(search.uri, positionOf(search, '{ searchV2 }', 3)), /`search-v2`\n\n2 targeting rules · expires in 99 days · owner search/);
  });

  it('works on a key in flags.flagd.json', async () => {
    const flagd = await vscode.workspace.openTextDocument(fixtureUri('flags.flagd.json'));
    assert.match(await hoverText(flagd.uri, positionOf(flagd, '"legacy-banner"', 3)), /`legacy-banner`[\s\S]*ON for everyone for 113 days · owner growth[\s\S]*\*\*stale\*\*/);
  });

  it('says a missing flag evaluates to the code default and offers ON/OFF only as a choice', async () => {
    const reports = await vscode.workspace.openTextDocument(fixtureUri('src/reports.ts'));
    const text = await hoverText(reports.uri, positionOf(reports, "'beta-reports'", 3));
    assert.match(text, /not defined in any flag source: every check gets its code default/);
    assert.match(text, /Remove flag \\\(keep OFF, the code default\\\)/);
    assert.match(text, /Remove flag, choose: \[keep ON\]/);
  });
});
