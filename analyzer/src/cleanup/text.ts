import ts = require('typescript');
import type { TextEdit } from './edits';

/** Offset of the start of the line containing `pos`. */
export function lineStart(text: string, pos: number): number {
  const i = text.lastIndexOf('\n', pos - 1);
  return i + 1;
}

/** The indentation (leading spaces/tabs) of the line containing `pos`. */
export function indentOfLine(text: string, pos: number): string {
  const start = lineStart(text, pos);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

function isBlank(s: string): boolean {
  return s.trim().length === 0;
}

/**
 * The range to delete so that `node` disappears: its whole lines when it stands alone on them (so no blank
 * line is left behind), otherwise just the node and the spaces before it.
 */
export function removalRange(sf: ts.SourceFile, start: number, end: number): { start: number; end: number } {
  const text = sf.text;
  const ls = lineStart(text, start);
  let le = text.indexOf('\n', end);
  if (le === -1) le = text.length;
  const before = text.slice(ls, start);
  // A comment after the node on its last line belongs to it (`return null; // guard`) and goes with it.
  let restStart = end;
  for (const c of ts.getTrailingCommentRanges(text, end) ?? []) if (c.end <= le) restStart = c.end;
  if (isBlank(before) && isBlank(text.slice(restStart, le))) return collapseBlankLines(text, ls, Math.min(text.length, le + 1));
  let s = start;
  while (s > ls && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  if (s === ls) {
    // The node starts its line but code follows: remove the node and the spaces after it.
    let e = end;
    while (e < le && (text[e] === ' ' || text[e] === '\t')) e++;
    return { start, end: e };
  }
  return { start: s, end };
}

/**
 * Whole lines [start, end) are going: when that would leave a blank line right after another blank line (or at
 * the top of the file), take the next blank line too, so removals do not pile up empty lines.
 */
function collapseBlankLines(text: string, start: number, end: number): { start: number; end: number } {
  const prevLineBlank = start === 0 || (start >= 2 && isBlank(text.slice(lineStart(text, start - 1), start - 1))) ;
  const nextEnd = text.indexOf('\n', end);
  const nextLine = text.slice(end, nextEnd === -1 ? text.length : nextEnd);
  const nextIsClosing = /^\s*[}\])]/.test(nextLine) || end >= text.length;
  if (prevLineBlank && isBlank(nextLine) && nextEnd !== -1) return { start, end: nextEnd + 1 };
  // Lines removed right after a block's `{` must not leave the block starting with a blank line.
  const prevLine = start >= 1 ? text.slice(lineStart(text, start - 1), start - 1) : '';
  if (/[{[(]\s*$/.test(prevLine) && isBlank(nextLine) && nextEnd !== -1) return { start, end: nextEnd + 1 };
  // A blank line before a closing brace that the removal exposed goes too: `{\n  a;\n\n  removed;\n}`.
  if (nextIsClosing && start >= 1 && isBlank(text.slice(lineStart(text, start - 1), start - 1)) && start - 1 > 0) {
    return { start: lineStart(text, start - 1), end };
  }
  return { start, end };
}

export function removeNode(sf: ts.SourceFile, node: ts.Node): TextEdit {
  const r = removalRange(sf, Math.min(docCommentStart(sf, node), lineCommentStart(sf, node)), node.getEnd());
  return { ...r, newText: '' };
}

/**
 * `// For new clusters, restrict plans` right above a removed statement explained it and goes with it: the `//`
 * lines directly above the node, when a blank line or the block's `{` comes before them (a comment opening a
 * group of statements, or a file header, is not the node's own).
 */
function lineCommentStart(sf: ts.SourceFile, node: ts.Node): number {
  const text = sf.text;
  const start = node.getStart(sf);
  const comments = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  let first = start;
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i];
    if (c.kind !== ts.SyntaxKind.SingleLineCommentTrivia || text.slice(c.end, first).split('\n').length > 2) break;
    if (text.slice(lineStart(text, c.pos), c.pos).trim() !== '') break;
    first = c.pos;
  }
  if (first === start) return start;
  const ls = lineStart(text, first);
  if (ls === 0) return start;
  const previous = text.slice(lineStart(text, ls - 1), ls - 1);
  return isBlank(previous) || /\{\s*$/.test(previous) ? first : start;
}

/**
 * Where a node starts including its JSDoc block: the `/** ... *\/` right above it belongs to it and goes with it.
 * A comment separated from the node by a blank line (a file header, a section heading) belongs to what surrounds it.
 */
export function docCommentStart(sf: ts.SourceFile, node: ts.Node): number {
  const start = node.getStart(sf);
  const last = (ts.getLeadingCommentRanges(sf.text, node.pos) ?? []).at(-1);
  if (!last || last.kind !== ts.SyntaxKind.MultiLineCommentTrivia || !sf.text.startsWith('/**', last.pos)) return start;
  const newlinesBetween = sf.text.slice(last.end, start).split('\n').length - 1;
  return newlinesBetween <= 1 ? last.pos : start;
}

/** Removes one element of a comma-separated list (array element, property, specifier, binding, argument). */
export function removeListElement(sf: ts.SourceFile, list: ts.NodeArray<ts.Node>, index: number): TextEdit {
  const text = sf.text;
  const el = list[index];
  const start = el.getStart(sf);
  const withDoc = docCommentStart(sf, el);
  if (list.length === 1) {
    // The only element, alone between its brackets over several lines: `{\n  x: true\n}` → `{}`.
    const open = list.pos - 1;
    let close = el.getEnd();
    if (text[close] === ',' || text[close] === ';') close++;
    while (close < text.length && /\s/.test(text[close])) close++;
    if (/[{[(]/.test(text[open] ?? '') && /[}\])]/.test(text[close] ?? '') && /^\s*$/.test(text.slice(open + 1, withDoc)) && text.slice(open, close).includes('\n')) {
      return { start: open + 1, end: close, newText: '' };
    }
    const r = removalRange(sf, withDoc, list.hasTrailingComma ? skipComma(text, el.getEnd()) : el.getEnd());
    // `{ x }` → `{}`, not `{ }`: the space before the closing bracket goes with the last element on its line.
    let end = r.end;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (r.start < r.end && text[r.end - 1] !== '\n' && /[}\])]/.test(text[end] ?? '')) return { start: r.start, end, newText: '' };
    return { ...r, newText: '' };
  }
  if (index < list.length - 1) {
    const next = list[index + 1].getStart(sf);
    const between = text.slice(el.getEnd(), next);
    if (between.includes('\n')) {
      // One element per line: drop this element's lines, its JSDoc included.
      const r = removalRange(sf, withDoc, skipComma(text, el.getEnd()));
      return { ...r, newText: '' };
    }
    return { start, end: next, newText: '' };
  }
  const prevEnd = list[index - 1].getEnd();
  const between = text.slice(prevEnd, start);
  if (between.includes('\n')) {
    const end = list.hasTrailingComma ? skipComma(text, el.getEnd()) : el.getEnd();
    const r = removalRange(sf, withDoc, end);
    if (!list.hasTrailingComma) {
      // The previous element's comma now trails; remove it to keep the author's style.
      const comma = text.indexOf(',', prevEnd);
      return { start: comma, end: r.end === text.length ? r.end : r.end - 1, newText: '' };
    }
    return { ...r, newText: '' };
  }
  return { start: prevEnd, end: el.getEnd(), newText: '' };
}

function skipComma(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
  return text[p] === ',' ? p + 1 : pos;
}

/**
 * Re-indents a multi-line snippet moved from a line indented `from` to a line indented `to`: every line after
 * the first is shifted by the difference. Lines inside template literals keep their bytes.
 */
export function reindent(snippet: string, from: string, to: string, frozenLines: ReadonlySet<number> = new Set()): string {
  if (from === to || !snippet.includes('\n')) return snippet;
  const lines = snippet.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (frozenLines.has(i)) continue;
    const line = lines[i];
    if (line.startsWith(from)) lines[i] = to + line.slice(from.length);
    else if (isBlank(line)) lines[i] = line.endsWith('\r') ? '\r' : '';
    else if (from.startsWith(to) || to.length < from.length) lines[i] = to + line.trimStart();
    else lines[i] = to + line;
  }
  return lines.join('\n');
}

/** Line indexes (relative to `start`) that begin inside a template literal, which must not be re-indented. */
export function templateLines(sf: ts.SourceFile, start: number, end: number): Set<number> {
  const frozen = new Set<number>();
  const text = sf.text;
  const visit = (n: ts.Node): void => {
    if (n.getEnd() < start || n.pos > end) return;
    if (ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      const s = n.getStart(sf);
      let line = countNewlines(text, start, Math.max(start, s));
      for (let i = s; i < n.getEnd() && i < end; i++) {
        if (text[i] === '\n') {
          line++;
          if (i >= start) frozen.add(line);
        }
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return frozen;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') n++;
  return n;
}

/** The text of `node`, moved to where `target` is (re-indented to the target's line). */
export function movedText(sf: ts.SourceFile, node: ts.Node, target: ts.Node | number): string {
  const start = node.getStart(sf);
  const end = node.getEnd();
  const targetPos = typeof target === 'number' ? target : target.getStart(sf);
  return reindent(sf.text.slice(start, end), indentOfLine(sf.text, start), indentOfLine(sf.text, targetPos), templateLines(sf, start, end));
}

/**
 * The statements of a block as text ready to stand where `target` (a statement in the enclosing list) stands:
 * braces gone, inner comments kept, re-indented one level out.
 */
export function blockBodyText(sf: ts.SourceFile, block: ts.Block, target: ts.Node, upTo?: number): string {
  const text = sf.text;
  const open = block.getStart(sf) + 1;
  const close = upTo ?? block.getEnd() - 1;
  let start = open;
  while (start < close && /\s/.test(text[start])) start++;
  let end = close;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return '';
  const snippet = text.slice(start, end);
  return reindent(snippet, indentOfLine(text, start), indentOfLine(text, target.getStart(sf)), templateLines(sf, start, end));
}
