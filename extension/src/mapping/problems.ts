import * as path from 'node:path';
import type { Diagnostic, FlagAnnotation } from '@flagsweep/analyzer';
import { diagnosticCode, type PlainDiagnostic, type ProblemKind } from './diagnostics';
import { toPlainRange } from './ranges';

/** What a folder's scan and flag files had to say, as FolderIndex.problems() returns it. */
export interface FolderProblems {
  /** Annotations of the folder (each once), with the problems their parser found. */
  annotations: readonly FlagAnnotation[];
  /** Scanner diagnostics (per code file). */
  scan: readonly Diagnostic[];
  /** Diagnostics of the last flag-state load (a flag file's, or a source id's). */
  sources: readonly Diagnostic[];
}

const SEVERITY: Record<Diagnostic['severity'], PlainDiagnostic['severity']> = { error: 'error', warning: 'warning', info: 'information' };

/**
 * Problems-panel entries for what would otherwise only reach the output channel: malformed flag annotations,
 * a check annotated with another key, and a flag file that does not parse or validate, at their positions.
 * Only diagnostics that name a file and a position become entries. Syntax errors are left to the language
 * server, which already reports them.
 */
export function problemsToDiagnostics(problems: FolderProblems): PlainDiagnostic[] {
  const out: PlainDiagnostic[] = [];
  for (const a of problems.annotations) {
    for (const p of a.problems) out.push(entry(a.file, toPlainRange(p.range), 'warning', p.message, 'annotation', a.key));
  }
  for (const d of problems.scan) {
    if (d.message.startsWith('syntax error')) continue;
    const at = positionOf(d);
    if (at) out.push(entry(d.where, at, SEVERITY[d.severity], d.message, 'scan'));
  }
  for (const d of problems.sources) {
    const at = positionOf(d);
    if (at) out.push(entry(d.where, at, SEVERITY[d.severity], d.message, 'flag-file'));
  }
  return out;
}

/** An empty range at a diagnostic's 1-based line/column; VS Code underlines the word there. */
function positionOf(d: Diagnostic): PlainDiagnostic['range'] | undefined {
  // A source id ("unleash:production") is not a file; flag files and code files are absolute paths.
  if (d.line === undefined || !path.isAbsolute(d.where)) return undefined;
  const character = Math.max(0, (d.column ?? 1) - 1);
  return { startLine: d.line - 1, startCharacter: character, endLine: d.line - 1, endCharacter: character };
}

function entry(file: string, range: PlainDiagnostic['range'], severity: PlainDiagnostic['severity'], message: string, kind: ProblemKind, key?: string): PlainDiagnostic {
  return {
    file: file.replace(/\\/g, '/'),
    range,
    severity,
    message,
    code: diagnosticCode(kind),
    source: 'flagsweep',
    tags: [],
    ...(key ? { key } : {}),
    status: kind,
  };
}
