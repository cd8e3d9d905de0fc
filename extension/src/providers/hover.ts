import * as vscode from 'vscode';
import { recordToHover } from '../mapping/hover';
import { keyAt } from '../workspace/key-at';
import type { WorkspaceIndex } from '../workspace/workspace-index';

/** Hover on a flag key: live state, expiry, owner, status, usages and command links (see recordToHover). */
export class FlagHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hit = keyAt(this.index, doc, doc.offsetAt(position));
    if (!hit) return undefined;
    const folder = this.index.folderByRoot(hit.root);
    const record = folder?.record(hit.key);
    if (!folder || !record) return undefined;
    const content = recordToHover(record, {
      now: this.index.now,
      folder: folder.root,
      restricted: this.index.restricted,
      unreachable: this.index.isUnreachable(folder.root, record.state?.source),
      countingUsages: this.index.indexingProgress(folder.root) !== undefined,
    });
    const md = new vscode.MarkdownString(content.markdown);
    // Links may run this extension's own commands and nothing else.
    md.isTrusted = { enabledCommands: content.commands };
    md.supportHtml = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(hit.start), doc.positionAt(hit.end)));
  }
}
