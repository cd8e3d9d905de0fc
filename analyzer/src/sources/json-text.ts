import { MAX_JSON_DEPTH, tooDeepAt } from '../fs/json-depth';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** 1-based line and column of a 0-based offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** `$.flags["new-checkout"].variants` style paths, the same notation config errors use. */
export function formatJsonPath(segments: readonly PropertyKey[], base = '$'): string {
  let out = base;
  for (const s of segments) {
    out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(String(s)) ? `.${String(s)}` : `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

export type StrictJson = { ok: true; tree: Node } | { ok: false; offset: number; problem: string };

/** Parses strict JSON (no comments, no trailing commas) into a tree that keeps offsets, for precise diagnostics. */
export function parseJsonTree(text: string): StrictJson {
  // The parser recurses per level: a document nested 200,000 deep would overflow the stack.
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { ok: false, offset: deep, problem: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  const errors: ParseError[] = [];
  const tree = parseTree(withoutBom(text), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    return { ok: false, offset: first?.offset ?? 0, problem: first ? describeParseError(printParseErrorCode(first.error)) : 'empty document' };
  }
  return { ok: true, tree };
}

/** Editors on Windows may save a UTF-8 byte-order mark; a space keeps every offset where it was. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

function describeParseError(code: string): string {
  // 'PropertyNameExpected' -> 'property name expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The node at a JSON path, or undefined. */
export function nodeAt(tree: Node, path: readonly (string | number)[]): Node | undefined {
  return findNodeAtLocation(tree, path as (string | number)[]);
}
