import * as vscode from 'vscode';
import { loadEngine } from '../engine-loader';
import { recordToHover } from '../mapping/hover';
import { plain, stateInWords } from '../mapping/state-words';
import type { WorkspaceIndex } from '../workspace/workspace-index';

type KeyPrefixMatcher = ReturnType<ReturnType<typeof loadEngine>['keyPrefixMatcher']>;
type Folder = NonNullable<ReturnType<WorkspaceIndex['folderFor']>>;

/**
 * Flag-key completion wherever a flag check takes a key string: `useFlag('|')`, `client.getBooleanValue("|`,
 * `<Feature flag="|`, `{ flag: '|` and `flag({ key: '|`.
 */
export class FlagKeyCompletion implements vscode.CompletionItemProvider {
  /** Per folder index: a config change builds a new index, and with it a new matcher. */
  private readonly matchers = new WeakMap<Folder, KeyPrefixMatcher>();

  constructor(private readonly index: WorkspaceIndex) {}

  private matcher(folder: Folder): KeyPrefixMatcher {
    let matcher = this.matchers.get(folder);
    if (!matcher) {
      matcher = loadEngine().keyPrefixMatcher(folder.config);
      this.matchers.set(folder, matcher);
    }
    return matcher;
  }

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const folder = this.index.folderFor(doc.uri.fsPath);
    if (!folder) return undefined;
    const prefix = doc.lineAt(position.line).text.slice(0, position.character);
    const typed = this.matcher(folder)(prefix);
    if (typed === undefined) return undefined;
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
