import * as vscode from 'vscode';
import type { PlainDiagnostic } from '../mapping/diagnostics';
import type { PlainFileEdit } from '../mapping/edits';
import type { PlainRange } from '../mapping/ranges';

/** The only place plain mapping results become VS Code objects. */

export function toRange(r: PlainRange): vscode.Range {
  return new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);
}

const SEVERITY: Record<PlainDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(d: PlainDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = d.source;
  out.code = { value: d.code.value, target: vscode.Uri.parse(d.code.target) };
  if (d.tags.includes('unnecessary')) out.tags = [vscode.DiagnosticTag.Unnecessary];
  return out;
}

export function toWorkspaceEdit(files: readonly PlainFileEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const f of files) {
    const uri = vscode.Uri.file(f.file);
    const metadata: vscode.WorkspaceEditEntryMetadata = { label: f.metadata.label, description: f.metadata.description, needsConfirmation: f.metadata.needsConfirmation };
    for (const e of f.edits) edit.replace(uri, toRange(e.range), e.newText, metadata);
  }
  return edit;
}
