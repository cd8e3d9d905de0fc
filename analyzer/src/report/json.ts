import type { AnalysisResult } from '../analyze';
import { formatDay } from '../lifecycle/dates';
import { winningValue } from '../lifecycle/winning-value';
import { FLAG_STATUSES, type FlagCheck, type FlagRecord, type FlagStatus, type Winner } from '../model';
import { TOOL_VERSION } from '../tool-version';
import { relativePath } from './paths';

/** Bumped only on breaking changes; fields may be added within a version. Documented in docs/json-report.md. */
export const JSON_REPORT_VERSION = 1;

export interface JsonUsage {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: FlagCheck['kind'];
  sdk: string;
  polarity: FlagCheck['polarity'];
  evaluates: FlagCheck['evaluates'];
}

export interface JsonFlag {
  key: string;
  status: FlagStatus;
  reason: string;
  /** The value every evaluation returns; null when there is none (targeting, split, or an unknown code default). */
  winningValue: unknown;
  winner: Winner;
  expires: string | null;
  daysToExpiry: number | null;
  owner: string | null;
  flagType: string | null;
  description: string | null;
  source: { id: string; enabled: boolean; asOf: string | null; fromCache: boolean; dashboardUrl: string | null } | null;
  usages: JsonUsage[];
  /** Reads that choose this key or another at run time (`cond ? 'a' : 'b'`); present only when there are some. */
  possibleReads?: { file: string; line: number; column: number }[];
  declarations: { name: string; file: string; line: number; column: number }[];
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: 'flagsweep'; version: string };
  now: string;
  summary: {
    flags: number;
    byStatus: Record<FlagStatus, number>;
    usages: number;
    dynamic: number;
    filesScanned: number;
    filesParsed: number;
    skipped: number;
  };
  flags: JsonFlag[];
  /** `possibleKeys`: the keys a read picks from at run time, when it is one of a few (`cond ? 'a' : 'b'`). */
  dynamic: { file: string; line: number; column: number; kind: FlagCheck['kind']; expression: string; reason: string; possibleKeys?: string[] }[];
  skipped: { file: string; reason: string }[];
  diagnostics: { severity: string; where: string; message: string; line?: number; column?: number }[];
}

export { TOOL_VERSION } from '../tool-version';

/** Builds the versioned JSON report object; other reporters and integrations may extend it with fields. */
export function toJsonReport(result: AnalysisResult): JsonReport {
  const root = result.config.root;
  const byStatus = Object.fromEntries(FLAG_STATUSES.map((s) => [s, 0])) as Record<FlagStatus, number>;
  for (const r of result.records) byStatus[r.status]++;
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'flagsweep', version: TOOL_VERSION },
    now: formatDay(result.now),
    summary: {
      flags: result.records.length,
      byStatus,
      usages: result.records.reduce((n, r) => n + r.usages.length, 0),
      dynamic: result.dynamic.length,
      filesScanned: result.stats.files,
      filesParsed: result.stats.parsedFiles,
      skipped: result.skipped.length,
    },
    flags: result.records.map((r) => jsonFlag(r, root)),
    dynamic: result.dynamic.map((c) => ({
      file: relativePath(root, c.file),
      line: c.range.line,
      column: c.range.column,
      kind: c.kind,
      expression: c.dynamic?.expression ?? '',
      reason: c.dynamic?.reason ?? '',
      ...(c.dynamic?.possibleKeys ? { possibleKeys: c.dynamic.possibleKeys } : {}),
    })),
    skipped: result.skipped.map((s) => ({ file: relativePath(root, s.file), reason: s.reason })),
    diagnostics: result.diagnostics.map((d) => ({ ...d, where: d.where.startsWith('/') ? relativePath(root, d.where) : d.where })),
  };
}

export function formatJson(result: AnalysisResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}

function jsonFlag(r: FlagRecord, root: string): JsonFlag {
  return {
    key: r.key,
    status: r.status,
    reason: r.reason,
    winningValue: winningValue(r) ?? null,
    winner: r.winner,
    expires: r.expires ?? null,
    daysToExpiry: r.daysToExpiry ?? null,
    owner: r.owner ?? null,
    flagType: r.flagType ?? null,
    description: r.description ?? null,
    source: r.state
      ? { id: r.state.source, enabled: r.state.enabled, asOf: r.state.asOf ?? null, fromCache: r.state.fromCache ?? false, dashboardUrl: r.state.dashboardUrl ?? null }
      : null,
    usages: r.usages.map((u) => ({
      file: relativePath(root, u.file),
      line: u.range.line,
      column: u.range.column,
      endLine: u.range.endLine,
      endColumn: u.range.endColumn,
      kind: u.kind,
      sdk: u.sdk,
      polarity: u.polarity,
      evaluates: u.evaluates,
    })),
    ...(r.possibleReads?.length ? { possibleReads: r.possibleReads.map((u) => ({ file: relativePath(root, u.file), line: u.range.line, column: u.range.column })) } : {}),
    declarations: r.declarations.map((d) => ({ name: d.name, file: relativePath(root, d.file), line: d.range.line, column: d.range.column })),
  };
}
