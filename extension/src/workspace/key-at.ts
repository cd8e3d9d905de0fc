import type * as vscode from 'vscode';
import { loadEngine } from '../engine-loader';
import type { WorkspaceIndex } from './workspace-index';

export interface KeyHit {
  key: string;
  root: string;
  /** Offsets of the text naming the key, for the hover range. */
  start: number;
  end: number;
  /** The flag check under the cursor, when it is one (not a declaration or a flag-file key). */
  check?: { start: number; end: number };
}

/**
 * The flag key at an offset: a key in a flag check (literal, constant, enum member, property or destructured
 * name), a declaration holding a key, or a flag key in a flag file. Uses the index's scan results only.
 */
export function keyAt(index: WorkspaceIndex, doc: vscode.TextDocument, offset: number): KeyHit | undefined {
  const file = doc.uri.fsPath;
  index.flush(file);
  const folder = index.folderFor(file);
  if (!folder) return undefined;
  if (folder.localSourceFiles().includes(file)) {
    // Only the quoted string under the cursor is a candidate; the flag-file parser confirms it is a key under "flags".
    const word = doc.getWordRangeAtPosition(doc.positionAt(offset), /"[^"\n]*"/);
    if (!word) return undefined;
    const candidate = doc.getText(word).slice(1, -1);
    const r = loadEngine().findFlagdKeyRange(doc.getText(), candidate);
    if (!r || r.start !== doc.offsetAt(word.start)) return undefined;
    return { key: candidate, root: folder.root, start: r.start, end: r.end };
  }
  const entry = folder.fileEntry(file.replace(/\\/g, '/'));
  if (!entry) return undefined;
  const within = (r: { start: number; end: number }) => r.start <= offset && offset <= r.end;
  const check = entry.checks.find((c) => c.key !== null && within(c.keyRange)) ?? entry.checks.find((c) => c.key !== null && within(c.range));
  if (check) {
    const record = folder.recordForCheck(check);
    const span = within(check.keyRange) ? check.keyRange : check.range;
    return { key: record?.key ?? (check.key as string), root: folder.root, start: span.start, end: span.end, check: { start: check.range.start, end: check.range.end } };
  }
  const decl = entry.declarations.find((d) => d.file === file.replace(/\\/g, '/') && within(d.range));
  if (decl) return { key: decl.key, root: folder.root, start: decl.range.start, end: decl.range.end };
  return undefined;
}
