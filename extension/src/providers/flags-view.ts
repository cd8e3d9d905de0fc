import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FlagCheck, FlagStatus } from '@flagsweep/analyzer';
import { flagItem, groupItem, groupRecords, type PlainTreeItem, usageItem } from '../mapping/tree';
import type { WorkspaceIndex } from '../workspace/workspace-index';

export type FlagNode =
  | { kind: 'folder'; root: string }
  | { kind: 'group'; root: string; status: FlagStatus; count: number }
  | { kind: 'flag'; root: string; key: string }
  | { kind: 'usage'; root: string; key: string; check: FlagCheck };

/** The "Feature flags" explorer view: flags grouped by status, usages as children (click opens the location). */
export class FlagsView implements vscode.TreeDataProvider<FlagNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FlagNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: FlagNode): FlagNode[] {
    if (!node) {
      const folders = this.index.all();
      if (folders.length > 1) return folders.map((f) => ({ kind: 'folder', root: f.root }));
      return folders.length === 1 ? this.groups(folders[0].root) : [];
    }
    if (node.kind === 'folder') return this.groups(node.root);
    const folder = this.index.folderByRoot(node.root);
    if (!folder) return [];
    if (node.kind === 'group') return folder.records().filter((r) => r.status === node.status).map((r) => ({ kind: 'flag', root: node.root, key: r.key }));
    if (node.kind === 'flag') return (folder.record(node.key)?.usages ?? []).map((check) => ({ kind: 'usage', root: node.root, key: node.key, check }));
    return [];
  }

  private groups(root: string): FlagNode[] {
    const folder = this.index.folderByRoot(root);
    return folder ? groupRecords(folder.records()).map((g) => ({ kind: 'group', root, status: g.status, count: g.records.length })) : [];
  }

  getTreeItem(node: FlagNode): vscode.TreeItem {
    return toTreeItem(this.plainItem(node), node);
  }

  /** The plain item for a node (also what the end-to-end test reads). */
  plainItem(node: FlagNode): PlainTreeItem {
    switch (node.kind) {
      case 'folder':
        return { id: `folder:${node.root}`, label: path.basename(node.root), icon: 'root-folder', collapsed: 'expanded', contextValue: 'folder' };
      case 'group':
        return groupItem(node.status, node.count, node.root);
      case 'flag': {
        const record = this.index.folderByRoot(node.root)?.record(node.key);
        if (!record) return { id: `flag:${node.root}:${node.key}`, label: node.key, icon: 'question', collapsed: 'none', contextValue: 'flag' };
        return flagItem(record, this.index.now, node.root);
      }
      case 'usage':
        return usageItem(node.check, (f) => vscode.workspace.asRelativePath(f, false));
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function toTreeItem(p: PlainTreeItem, node: FlagNode): vscode.TreeItem {
  const state = { none: vscode.TreeItemCollapsibleState.None, collapsed: vscode.TreeItemCollapsibleState.Collapsed, expanded: vscode.TreeItemCollapsibleState.Expanded }[p.collapsed];
  const item = new vscode.TreeItem(p.label, state);
  item.id = p.id;
  item.description = p.description;
  item.tooltip = p.tooltip;
  item.iconPath = new vscode.ThemeIcon(p.icon);
  item.contextValue = p.contextValue;
  if (p.open) {
    item.command = { command: 'flagsweep.openUsage', title: 'Open usage', arguments: [p.open] };
    item.resourceUri = vscode.Uri.file(p.open.file);
  }
  if (node.kind === 'flag') item.accessibilityInformation = { label: `flag ${p.label}: ${p.description ?? ''}` };
  return item;
}
