import ts = require('typescript');
import { diffArrays } from 'diff';
import { parseSource } from '../ast';
import type { ResolvedConfig } from '../config/load';
import type { DeadRange, ReadFile } from './types';

export interface DeadRangeRequest {
  config: ResolvedConfig;
  file: string;
  /** The file's current text. */
  text: string;
  key: string;
  value: unknown;
  /** Where the flag's checks are in `text`: they are replaced by the value, not dead. */
  checks: readonly { start: number; end: number }[];
  readFile: ReadFile;
}

/**
 * What the cleanup engine removes from one file, as ranges of code that can no longer run. The engine runs for real
 * (file scope, no verification); its output is compared with the input token by token, and every largest piece of
 * code whose tokens all went — a statement, a branch of a decided condition, a JSX child, a `case` — is dead. Pieces
 * holding the flag's own checks are looked into, not reported: the check and the variables and conditions carrying
 * its value are the flag's plumbing, which the quick fix replaces.
 */
export async function deadRangesOf(req: DeadRangeRequest): Promise<DeadRange[]> {
  if (req.checks.length === 0) return [];
  // Loaded on first use: the cleanup engine is the heaviest part of the core.
  const { cleanupFlag } = require('../cleanup/project') as typeof import('../cleanup/project');
  const readFile: ReadFile = (f) => (f === req.file ? req.text : req.readFile(f));
  const result = await cleanupFlag({ config: req.config, key: req.key, value: req.value, scope: { kind: 'file', file: req.file }, readFile });
  const change = result.files.find((f) => f.file === req.file);
  if (result.errors.length > 0 || !change || change.before !== req.text) return [];
  return removedUnits(req.file, change.before, change.after, req.checks).map((r) => ({ key: req.key, value: result.value, ...r }));
}

/** The largest runnable units of `before` whose every token is gone from `after`, outside the given checks. */
export function removedUnits(file: string, before: string, after: string, checks: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sf = parseSource(file, before);
  const tokens = tokensOf(sf);
  const gone = goneTokens(tokens, before, tokensOf(parseSource(file, after)), after);
  // gonePrefix[i]: deleted tokens among the first i.
  const gonePrefix = [0];
  for (let i = 0; i < gone.length; i++) gonePrefix.push(gonePrefix[i] + (gone[i] ? 1 : 0));
  const starts = tokens.map((t) => t.start);
  const allGone = (start: number, end: number): boolean => {
    const from = lowerBound(starts, start);
    let to = from;
    while (to < tokens.length && tokens[to].end <= end) to++;
    return to > from && gonePrefix[to] - gonePrefix[from] === to - from;
  };
  const holdsCheck = (start: number, end: number): boolean => checks.some((c) => c.start < end && start < c.end);

  const out: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    const start = node.getStart(sf);
    const end = node.getEnd();
    if (!holdsCheck(start, end) && isRunnableUnit(node) && allGone(start, end)) {
      out.push({ start, end });
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return out;
}

/** Code that runs or not as a whole: a statement (not an import), a branch of a condition, a JSX child, a `case`. */
function isRunnableUnit(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return false;
  if (ts.isStatement(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isClassElement(node)) return true;
  if (!parent) return false;
  if (ts.isConditionalExpression(parent)) return node === parent.whenTrue || node === parent.whenFalse;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return node === parent.right && (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken);
  }
  if (ts.isJsxElement(parent) || ts.isJsxFragment(parent)) return !ts.isJsxText(node) && parent.children.some((c) => c === node);
  return ts.isJsxAttribute(node) || ts.isJsxSpreadAttribute(node) || ts.isObjectLiteralElement(node) || ts.isArrayLiteralExpression(parent);
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** The file's tokens as the parser saw them (JSX text and template parts in context), comments and blanks left out. */
function tokensOf(sf: ts.SourceFile): Token[] {
  const out: Token[] = [];
  const walk = (node: ts.Node): void => {
    const children = node.getChildren(sf);
    if (children.length === 0) {
      if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
      const start = node.getStart(sf);
      const text = sf.text.slice(start, node.getEnd());
      if (ts.isJsxText(node) && text.trim() === '') return;
      out.push({ text: ts.isJsxText(node) ? text.trim() : text, start, end: node.getEnd() });
      return;
    }
    for (const c of children) walk(c);
  };
  walk(sf);
  return out;
}

/**
 * For each token of `before`: is it gone from `after`? Lines are matched first (blanks around them ignored: kept
 * code is often re-indented), then tokens within each changed run of lines, so a kept statement is never mistaken
 * for a removed one that reads alike.
 */
function goneTokens(tokens: Token[], before: string, afterTokens: Token[], after: string): boolean[] {
  const gone = new Array<boolean>(tokens.length).fill(false);
  const lineOf = lineFinder(before);
  const afterLineOf = lineFinder(after);
  const byLine = (list: Token[], find: (offset: number) => number, from: number, to: number) => list.filter((t) => {
    const line = find(t.start);
    return line >= from && line < to;
  });
  let ia = 0;
  let ib = 0;
  let hunk: { a: number; b: number } | undefined;
  const close = (aEnd: number, bEnd: number): void => {
    if (!hunk) return;
    const removed = tokens.map((t, i) => ({ t, i })).filter(({ t }) => { const l = lineOf(t.start); return l >= hunk!.a && l < aEnd; });
    const added = byLine(afterTokens, afterLineOf, hunk.b, bEnd);
    const marks = deletedTokens(removed.map((r) => r.t.text), added.map((t) => t.text));
    removed.forEach((r, k) => (gone[r.i] = marks[k]));
    hunk = undefined;
  };
  for (const part of diffArrays(before.split('\n').map((l) => l.trim()), after.split('\n').map((l) => l.trim()))) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      close(ia, ib);
      ia += n;
      ib += n;
      continue;
    }
    hunk ??= { a: ia, b: ib };
    if (part.removed) ia += n;
    else ib += n;
  }
  close(ia, ib);
  return gone;
}

/** Line index (0-based) of an offset. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => lowerBound(starts, offset + 1) - 1;
}

/** For each token of `before`: is it absent from `after` (a longest-common-subsequence walk)? */
function deletedTokens(before: string[], after: string[]): boolean[] {
  const gone = new Array<boolean>(before.length).fill(false);
  let i = 0;
  for (const part of diffArrays(before, after)) {
    const n = part.count ?? part.value.length;
    if (part.added) continue;
    if (part.removed) for (let k = 0; k < n; k++) gone[i + k] = true;
    i += n;
  }
  return gone;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
