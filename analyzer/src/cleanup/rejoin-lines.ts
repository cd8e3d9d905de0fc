import ts = require('typescript');
import { parseSource } from './parse';
import { PRETTIER_DEFAULT_WIDTH, type LineWidth } from './print-width';

const MAX_PASSES = 10;

/**
 * `const enabled =\n    hasPermission && (noWorkspaces || flagOn);` cleaned to `const enabled =\n    hasPermission;`:
 * the author broke the line because the value was long, the cleanup made it short, and Prettier (and a reviewer)
 * would put it back on one line. A value after `=` or `=>` that now fits on its declaration's line (the project's
 * Prettier `printWidth`) joins it, when the two lines are new (an author's own layout, kept from before the cleanup,
 * stays as written).
 */
export function rejoinShortenedLines(file: string, before: string, after: string, width: LineWidth = PRETTIER_DEFAULT_WIDTH): { text: string; sf: ts.SourceFile } {
  let text = after;
  // Joins on lines of their own are made together; one that shares a line with another waits for the next pass.
  for (let pass = 0; ; pass++) {
    const sf = parseSource(file, text);
    const gaps = pass < MAX_PASSES ? joinableGaps(sf, before, width) : [];
    // The last parse is of the text returned: the engine's final pass reads it instead of parsing again.
    if (gaps.length === 0) return { text, sf };
    for (const gap of gaps.sort((a, b) => b.start - a.start)) text = text.slice(0, gap.start) + ' ' + text.slice(gap.end);
  }
}

interface Gap {
  start: number;
  end: number;
  /** The two lines the join makes one. */
  lines: { start: number; end: number };
}

function joinableGaps(sf: ts.SourceFile, before: string, width: LineWidth): Gap[] {
  const gaps: Gap[] = [];
  const visit = (node: ts.Node): void => {
    const value = valueAfterOperator(node);
    const gap = value && joinableGap(sf, before, value.operatorEnd, value.expression, width);
    if (gap && !gaps.some((g) => g.lines.start < gap.lines.end && gap.lines.start < g.lines.end)) gaps.push(gap);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return gaps;
}

/** The value that follows `=` or `=>`: a variable's or class field's initializer, an assignment's right side, an arrow's expression body. */
function valueAfterOperator(node: ts.Node): { operatorEnd: number; expression: ts.Node } | undefined {
  if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.initializer) {
    return { operatorEnd: -1, expression: node.initializer };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return { operatorEnd: node.operatorToken.end, expression: node.right };
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return { operatorEnd: node.equalsGreaterThanToken.end, expression: node.body };
  return undefined;
}

function joinableGap(sf: ts.SourceFile, before: string, operatorEnd: number, expression: ts.Node, width: LineWidth): Gap | undefined {
  const text = sf.text;
  const start = expression.getStart(sf);
  // An initializer's `=` is the last one before it (a type annotation may hold `=>`, never a bare `=` next to the value).
  const opEnd = operatorEnd >= 0 ? operatorEnd : text.lastIndexOf('=', start) + 1;
  if (opEnd <= 0 || text[opEnd - 1] !== '=' && text[opEnd - 1] !== '>') return undefined;
  const gap = text.slice(opEnd, start);
  if (!/^[ \t]*\r?\n[ \t]*$/.test(gap)) return undefined;
  const end = expression.getEnd();
  if (text.slice(start, end).includes('\n')) return undefined;
  const lineStart = text.lastIndexOf('\n', opEnd - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const joined = text.slice(lineStart, opEnd) + ' ' + text.slice(start, lineEnd).replace(/\r$/, '');
  if (joined.replace(/\t/g, ' '.repeat(width.tabWidth)).length > width.printWidth) return undefined;
  // The same two lines before the cleanup: the author's layout.
  if (before.includes(text.slice(lineStart, lineEnd))) return undefined;
  return { start: opEnd, end: start, lines: { start: lineStart, end: lineEnd } };
}
