import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { tokenSlots } from '../../../src/mapping/token-slots';
import { api, hoverText, positionOf, waitFor } from '../suite/helpers';

const handshake = () => {
  const dir = process.env.FLAGSWEEP_E2E_HANDSHAKE;
  if (!dir) throw new Error('FLAGSWEEP_E2E_HANDSHAKE is not set: run through test/e2e/run.js');
  return dir;
};
const requests = (): { method: string; path: string; authorized: boolean }[] => JSON.parse(fs.readFileSync(path.join(handshake(), 'unleash.json'), 'utf8'));
const token = () => process.env.FLAGSWEEP_E2E_UNLEASH_TOKEN ?? '';
/** The shop's Unleash slot (origin + tokenEnv): where a token for it is stored. */
const shopSlot = async () => {
  const { index } = await api();
  return tokenSlots(index.all().find((i) => i.root.endsWith('shop'))!.config.sources)[0];
};

async function promoHover(): Promise<string> {
  const shop = vscode.workspace.workspaceFolders!.find((w) => w.name === 'shop')!.uri.fsPath;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(shop, 'src/checkout.ts')));
  return hoverText(doc.uri, positionOf(doc, "'promo-banner'", 3));
}

if (vscode.workspace.isTrusted) {
  describe('remote source (trusted)', () => {
    before(api);

    it('asks nothing without a token, then reads the service with the token from SecretStorage', async () => {
      const { tokens } = await api();
      assert.match(await promoHover(), /not defined in any flag source/);
      assert.equal(requests().length, 0, 'no token, no request');
      // A token stored for another origin under the same tokenEnv is never sent to this one.
      await tokens.set({ origin: 'https://elsewhere.example.com', tokenEnv: 'UNLEASH_TOKEN' }, 'token-for-elsewhere');
      await vscode.commands.executeCommand('flagsweep.refresh');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(requests().length, 0, 'a token for another origin is not used');
      await tokens.set(await shopSlot(), token());
      const text = await waitFor('the Unleash state in the hover', async () => {
        const h = await promoHover();
        return /50% rollout/.test(h) && h;
      });
      assert.match(text, /`promo-banner` — Holiday promo banner/);
      assert.match(text, /source Unleash, environment production/);
      assert.match(text, /\[Open in dashboard\]\(command:flagsweep\.openDashboard\?/);
      assert.ok(!/cached/.test(text), 'live data is not marked cached');
      assert.ok(requests().length > 0 && requests().every((r) => r.authorized), 'every request carried the stored token');
    });

    it('shows the cached state, marked, when the service goes down', async () => {
      fs.writeFileSync(path.join(handshake(), 'unleash-down'), '');
      await vscode.commands.executeCommand('flagsweep.refresh');
      const text = await waitFor('the cached marker', async () => {
        const h = await promoHover();
        return /cached as of/.test(h) && h;
      });
      assert.match(text, /50% rollout/);
      assert.match(text, /cached as of \d{4}\\?-\d\d\\?-\d\d \d\d:\d\d UTC \(service unreachable\)/);
    });
  });
} else {
  describe('Restricted Mode', () => {
    before(api);

    it('runs untrusted, with hovers and diagnostics from local files only', async () => {
      assert.equal(vscode.workspace.isTrusted, false);
      const { index } = await api();
      assert.equal(index.restricted, true);
      const shop = index.all().find((i) => i.root.endsWith('shop'))!;
      await waitFor('the expired diagnostic from flags.flagd.json', () =>
        vscode.languages.getDiagnostics(vscode.Uri.file(path.join(shop.root, 'src/checkout.ts'))).some((d) => d.source === 'flagsweep' && /expired/.test(d.message)),
      );
    });

    it('never contacts the flag service nor uses a stored token, even on refresh', async () => {
      const { tokens } = await api();
      await tokens.set(await shopSlot(), token());
      await vscode.commands.executeCommand('flagsweep.refresh');
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(requests(), []);
      const text = await promoHover();
      assert.match(text, /not defined in any flag source/);
      assert.ok(!/openDashboard/.test(text), 'no dashboard link in Restricted Mode');
    });
  });
}
