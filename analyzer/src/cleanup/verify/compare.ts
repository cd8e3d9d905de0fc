import ts = require('typescript');
import type { VerificationDiagnostic } from '../types';

/**
 * The same error reported with a spelling suggestion in one Program and without in the other (whether TypeScript finds
 * a near name depends on what the Program holds): one error, not a new one.
 */
const SUGGESTION_CODES: Record<number, number> = { 2552: 2304, 2551: 2339, 2724: 2305, 2561: 2353 };

/**
 * Positions move with the edits, so a diagnostic is known by its file, code and message only. The message is
 * normalized where TypeScript words one error differently between Programs: union members in checking order
 * (`'a' | 'b'` vs `'b' | 'a'`) and a "Did you mean" suggestion.
 */
export function identity(d: ts.Diagnostic): string {
  const code = SUGGESTION_CODES[d.code] ?? d.code;
  const message = ts
    .flattenDiagnosticMessageText(d.messageText, '\n')
    .replace(/ Did you mean '[^']*'\?/g, '')
    .replace(/'([^']*)'/g, (_, quoted: string) => `'${sortUnion(quoted)}'`);
  return `${d.file?.fileName ?? ''}\0${code}\0${message}`;
}

/** `b | a` → `a | b` at the top level of a quoted type; nested parentheses, brackets and braces are left as written. */
function sortUnion(type: string): string {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) depth--;
    else if (depth === 0 && type.startsWith(' | ', i)) {
      parts.push(type.slice(start, i));
      start = i + 3;
    }
  }
  if (parts.length === 0) return type;
  parts.push(type.slice(start));
  return parts.sort().join(' | ');
}

/**
 * Diagnostics of `after` that `before` does not have, compared as multisets (a second identical error is new). In a
 * file the cleanup did not change, a diagnostic at the same place with the same code is the same error even when its
 * message changed: a type it names came from a changed file (`isEnabled: any` before, `isEnabled: boolean` after).
 */
export function newDiagnostics(before: readonly ts.Diagnostic[], after: readonly ts.Diagnostic[]): VerificationDiagnostic[] {
  const remaining = new Map<string, ts.Diagnostic[]>();
  for (const d of before) remaining.set(identity(d), [...(remaining.get(identity(d)) ?? []), d]);
  const unmatched: ts.Diagnostic[] = [];
  for (const d of after) {
    const same = remaining.get(identity(d));
    if (same && same.length > 0) same.pop();
    else unmatched.push(d);
  }
  const leftBefore = [...remaining.values()].flat();
  const added: VerificationDiagnostic[] = [];
  for (const d of unmatched) {
    const at = leftBefore.findIndex((b) => samePlaceInUnchangedFile(b, d));
    if (at !== -1) leftBefore.splice(at, 1);
    else added.push(toVerificationDiagnostic(d));
  }
  return added;
}

function samePlaceInUnchangedFile(b: ts.Diagnostic, a: ts.Diagnostic): boolean {
  if (!a.file || !b.file || a.file.fileName !== b.file.fileName || a.file.text !== b.file.text) return false;
  return (SUGGESTION_CODES[a.code] ?? a.code) === (SUGGESTION_CODES[b.code] ?? b.code) && a.start === b.start && a.length === b.length;
}

function toVerificationDiagnostic(d: ts.Diagnostic): VerificationDiagnostic {
  const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return {
    file: d.file?.fileName ?? '',
    line: pos.line + 1,
    column: pos.character + 1,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  };
}
