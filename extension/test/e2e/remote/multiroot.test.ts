import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, hoverText, positionOf, waitFor } from '../suite/helpers';

const folder = (name: string) => {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  if (!f) throw new Error(`workspace folder ${name} is not open`);
  return f.uri.fsPath;
};
const open = (name: string, file: string) => vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder(name), file)));

describe(`multi-root workspace (${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode'})`, () => {
  before(api);

  it('indexes each folder with its own config and flag file', async () => {
    const { index, flagsView } = await api();
    assert.deepEqual(index.all().map((i) => path.basename(i.root)).sort(), ['admin', 'shop']);
    const admin = await open('admin', 'src/audit.ts');
    assert.match(await hoverText(admin.uri, positionOf(admin, "'audit-log'", 3)), /`audit-log` — Audit log export\n\nOFF: serves the code default · expires in 220 days · owner compliance/);
    const shop = await open('shop', 'src/checkout.ts');
    assert.match(await hoverText(shop.uri, positionOf(shop, "'new-checkout'", 3)), /ON for everyone · expired 3 days ago · owner payments/);
    const roots = flagsView.getChildren();
    assert.deepEqual(roots.map((r) => flagsView.plainItem(r).label).sort(), ['admin', 'shop']);
  });
});
