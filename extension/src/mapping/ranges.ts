import type { SourceRange } from '@flagsweep/analyzer';

/** 0-based line/character range, the shape VS Code uses (the core's SourceRange is 1-based line/column). */
export interface PlainRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export function toPlainRange(r: SourceRange): PlainRange {
  return { startLine: r.line - 1, startCharacter: r.column - 1, endLine: r.endLine - 1, endCharacter: r.endColumn - 1 };
}

/** Maps UTF-16 offsets of one text to line/character positions (binary search over line starts). */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  range(start: number, end: number): PlainRange {
    const a = this.position(start);
    const b = this.position(end);
    return { startLine: a.line, startCharacter: a.character, endLine: b.line, endCharacter: b.character };
  }
}
