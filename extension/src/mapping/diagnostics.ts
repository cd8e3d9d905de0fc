import type { FlagCheck, FlagRecord, FlagStatus } from '@flagsweep/analyzer';
import { plain, stateInWords } from './state-words';
import { type PlainRange, toPlainRange } from './ranges';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Statuses that produce a diagnostic at each usage, with their configurable severity. */
export const DIAGNOSED_STATUSES = ['expired', 'expiring', 'stale', 'missing'] as const;
export type DiagnosedStatus = (typeof DIAGNOSED_STATUSES)[number];

export const DEFAULT_SEVERITIES: Record<DiagnosedStatus, SeverityName> = {
  expired: 'warning',
  expiring: 'information',
  stale: 'warning',
  missing: 'warning',
};

export const DOCS_BASE = 'https://github.com/flagsweep/flagsweep/blob/main/extension/README.md';

export interface PlainDiagnostic {
  /** Absolute path (forward slashes) of the file the diagnostic belongs to. */
  file: string;
  range: PlainRange;
  severity: Exclude<SeverityName, 'off'>;
  message: string;
  /** Stable code, e.g. `flagsweep/expired`, with its docs link. */
  code: { value: string; target: string };
  source: 'flagsweep';
  tags: 'unnecessary'[];
  /** The flag the diagnostic is about; absent for problems of a file (a malformed flag file, say). */
  key?: string;
  status: FlagStatus | 'unreachable' | ProblemKind;
}

/** Problems in the files flagsweep reads, as opposed to flags that need attention. */
export type ProblemKind = 'annotation' | 'flag-file' | 'scan';

export interface DiagnosticOptions {
  severities: Record<DiagnosedStatus, SeverityName>;
  /** Only usages in this file (the diagnostics provider works per file). */
  file?: string;
}

export function diagnosticCode(status: PlainDiagnostic['status']): { value: string; target: string } {
  return { value: `flagsweep/${status}`, target: `${DOCS_BASE}#flagsweep${status}` };
}

const HEADLINES: Record<DiagnosedStatus, string> = {
  expired: 'is expired',
  expiring: 'expires soon',
  stale: 'is stale',
  missing: 'is not defined in any flag source',
};

/**
 * What the flag evaluates to and what removing it keeps: "Winning value `true` (ON for everyone): ...". Empty when the
 * status reason already said it (a missing or archived flag's reason names the code default).
 */
function winnerSentence(record: FlagRecord): string {
  const w = record.winner;
  const state = plain(stateInWords(record.state, record.winner));
  if (w.kind === 'value') return ` Winning value \`${JSON.stringify(w.value)}\` (${state}): remove the flag and keep it.`;
  if (w.kind === 'code-default') return record.status === 'missing' ? '' : ` ${capitalize(state)}.`;
  return ` No single winning value (${state}): removing the flag means choosing one.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One diagnostic per usage of a flag whose status needs attention; none for active/unused flags or `off`. */
export function recordToDiagnostics(record: FlagRecord, options: DiagnosticOptions): PlainDiagnostic[] {
  if (!(DIAGNOSED_STATUSES as readonly string[]).includes(record.status)) return [];
  const status = record.status as DiagnosedStatus;
  const severity = options.severities[status] ?? DEFAULT_SEVERITIES[status];
  if (severity === 'off') return [];
  const message = `Flag "${record.key}" ${HEADLINES[status]}: ${record.reason}.${winnerSentence(record)}`;
  return record.usages
    .filter((u: FlagCheck) => !options.file || u.file === options.file)
    .map((u) => ({
      file: u.file,
      range: toPlainRange(u.range),
      severity,
      message,
      code: diagnosticCode(status),
      source: 'flagsweep' as const,
      tags: [],
      key: record.key,
      status,
    }));
}

/** A faded hint over code that can no longer run because the flag serves one value to everyone. */
export function unreachableDiagnostic(file: string, range: PlainRange, key: string, winner: unknown): PlainDiagnostic {
  return {
    file,
    range,
    severity: 'hint',
    message: `Unreachable: flag "${key}" always evaluates to ${JSON.stringify(winner)} here.`,
    code: diagnosticCode('unreachable'),
    source: 'flagsweep',
    tags: ['unnecessary'],
    key,
    status: 'unreachable',
  };
}
