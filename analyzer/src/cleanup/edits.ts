import { diffArrays } from 'diff';

/** A text replacement in one file: offsets are 0-based UTF-16 offsets into the text it was computed on. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Keeps the edits that do not overlap an earlier-kept one; the rest wait for the next round (after a re-parse).
 * Two insertions at the same point also conflict: their order would be ambiguous.
 */
export function pickNonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const kept: TextEdit[] = [];
  for (const e of edits) {
    const clash = kept.some((k) => e.start < k.end && k.start < e.end || (e.start === k.start && (e.start === e.end || k.start === k.end)));
    if (!clash) kept.push(e);
  }
  return kept;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

/** Keeps whole groups of edits that overlap nothing kept before them; the others wait for the next round. */
export function pickGroups(groups: readonly TextEdit[][]): TextEdit[] {
  const kept: TextEdit[] = [];
  for (const g of groups) {
    const selfClash = g.some((e, i) => g.some((f, j) => i < j && overlaps(e, f)));
    if (selfClash) continue;
    if (g.some((e) => kept.some((k) => overlaps(e, k)))) continue;
    kept.push(...g);
  }
  return kept;
}

/**
 * The smallest set of edits turning `before` into `after`, at line granularity and then trimmed to the changed
 * characters, so an editor applying them leaves untouched code (and its undo history) alone.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLinesKeepEnds(before);
  const b = splitLinesKeepEnds(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1] === b[tailB - 1]) {
    tailA--;
    tailB--;
  }
  const hunks = lineHunks(a.slice(head, tailA), b.slice(head, tailB));
  const edits: TextEdit[] = [];
  let offsetA = a.slice(0, head).join('').length;
  let ia = 0;
  let ib = 0;
  const midB = b.slice(head, tailB);
  const midA = a.slice(head, tailA);
  for (const h of hunks) {
    while (ia < h.aStart) offsetA += midA[ia++].length;
    ib = h.bStart;
    const oldText = midA.slice(h.aStart, h.aEnd).join('');
    const newText = midB.slice(ib, h.bEnd).join('');
    edits.push(trimEdit(offsetA, oldText, newText));
    while (ia < h.aEnd) offsetA += midA[ia++].length;
  }
  return edits;
}

function trimEdit(start: number, oldText: string, newText: string): TextEdit {
  let p = 0;
  while (p < oldText.length && p < newText.length && oldText[p] === newText[p]) p++;
  let s = 0;
  while (s < oldText.length - p && s < newText.length - p && oldText[oldText.length - 1 - s] === newText[newText.length - 1 - s]) s++;
  return { start: start + p, end: start + oldText.length - s, newText: newText.slice(p, newText.length - s) };
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Line hunks from a longest-common-subsequence walk (Myers via the `diff` package keeps it O(ND)). */
function lineHunks(a: string[], b: string[]): Hunk[] {
  if (a.length === 0 || b.length === 0) return [{ aStart: 0, aEnd: a.length, bStart: 0, bEnd: b.length }];
  const parts = diffArrays(a, b);
  const hunks: Hunk[] = [];
  let ia = 0;
  let ib = 0;
  let open: Hunk | undefined;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = undefined;
      ia += n;
      ib += n;
      continue;
    }
    open ??= { aStart: ia, aEnd: ia, bStart: ib, bEnd: ib };
    if (part.removed) {
      ia += n;
      open.aEnd = ia;
    } else {
      ib += n;
      open.bEnd = ib;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

export function splitLinesKeepEnds(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

/** Lines present in `before` and gone from `after`, net (a rewritten line counts once). */
export function countLinesRemoved(before: string, after: string): number {
  const n = (t: string) => (t.length === 0 ? 0 : t.split('\n').length - (t.endsWith('\n') ? 1 : 0));
  return Math.max(0, n(before) - n(after));
}
