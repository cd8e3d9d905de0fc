import type * as ts from 'typescript';
import type { SourceRange } from '../model';

/** Turns offsets into SourceRanges (0-based offsets, 1-based line and column). */
export interface Locator {
  rangeOf(start: number, end: number): SourceRange;
}

export function sourceFileLocator(sf: ts.SourceFile): Locator {
  return {
    rangeOf(start, end) {
      const s = sf.getLineAndCharacterOfPosition(start);
      const e = sf.getLineAndCharacterOfPosition(end);
      return { start, end, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
    },
  };
}

/** A locator over plain text (for callers without a ts.SourceFile, e.g. an ESLint comment). */
export function textLocator(text: string): Locator {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  return {
    rangeOf(start, end) {
      const s = position(start);
      const e = position(end);
      return { start, end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    },
  };
}

export function nodeRange(node: ts.Node, sf: ts.SourceFile, locator: Locator): SourceRange {
  return locator.rangeOf(node.getStart(sf), node.getEnd());
}
