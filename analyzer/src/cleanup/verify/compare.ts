import ts = require('typescript');
import type { VerificationDiagnostic } from '../types';

/** Positions move with the edits, so a diagnostic is known by its file, code and message only. */
function identity(d: ts.Diagnostic): string {
  return `${d.file?.fileName ?? ''}\0${d.code}\0${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

/** Diagnostics of `after` that `before` does not have, compared as multisets (a second identical error is new). */
export function newDiagnostics(before: readonly ts.Diagnostic[], after: readonly ts.Diagnostic[]): VerificationDiagnostic[] {
  const remaining = new Map<string, number>();
  for (const d of before) remaining.set(identity(d), (remaining.get(identity(d)) ?? 0) + 1);
  const added: VerificationDiagnostic[] = [];
  for (const d of after) {
    const id = identity(d);
    const left = remaining.get(id) ?? 0;
    if (left > 0) remaining.set(id, left - 1);
    else added.push(toVerificationDiagnostic(d));
  }
  return added;
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
