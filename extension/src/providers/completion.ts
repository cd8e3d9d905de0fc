import * as vscode from 'vscode';
import { loadEngine } from '../engine-loader';
import { recordToHover } from '../mapping/hover';
import { plain, stateInWords } from '../mapping/state-words';
import type { WorkspaceIndex } from '../workspace/workspace-index';

/** Flag-key completion inside the key argument of a flag check: `useFlag('|')`, `client.getBooleanValue("|`. */
export class FlagKeyCompletion implements vscode.CompletionItemProvider {
  private readonly callNames = new Map<string, RegExp>();

  constructor(private readonly index: WorkspaceIndex) {}

  private pattern(root: string, config: Parameters<ReturnType<typeof loadEngine>['completionCallNames']>[0]): RegExp {
    let re = this.callNames.get(root);
    if (!re) {
      const names = loadEngine().completionCallNames(config).map((n) => n.replace(/[$]/g, '\\$'));
      re = new RegExp(`\\b(?:${names.join('|') || '(?!)'})\\s*(?:<[^>]*>)?\\(\\s*(['"\`])([\\w.:/-]*)$`);
      this.callNames.set(root, re);
    }
    return re;
  }

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const folder = this.index.folderFor(doc.uri.fsPath);
    if (!folder) return undefined;
    const prefix = doc.lineAt(position.line).text.slice(0, position.character);
    const m = this.pattern(folder.root, folder.config).exec(prefix);
    if (!m) return undefined;
    const typed = m[2];
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    return folder.records().map((record, i) => {
      const item = new vscode.CompletionItem(record.key, vscode.CompletionItemKind.Constant);
      item.range = range;
      item.detail = `${record.status} · ${plain(stateInWords(record.state, record.winner))}`;
      const hover = recordToHover(record, { now: this.index.now, folder: folder.root, restricted: this.index.restricted });
      item.documentation = new vscode.MarkdownString(hover.markdown.split('\n\n').slice(0, 3).join('\n\n'));
      // Flags that need attention sort last: completion should not encourage new uses of expired flags.
      item.sortText = `${record.status === 'active' ? 0 : 1}-${String(i).padStart(5, '0')}`;
      return item;
    });
  }
}
