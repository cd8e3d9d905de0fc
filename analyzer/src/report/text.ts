import { createColors } from 'picocolors';
import type { AnalysisResult } from '../analyze';
import { formatDay } from '../lifecycle/dates';
import { formatValue } from '../lifecycle/state-words';
import { winningValue } from '../lifecycle/winning-value';
import { FLAG_STATUSES, type FlagCheck, type FlagRecord, type FlagStatus } from '../model';
import { oneLine } from './control-chars';
import { relativePath } from './paths';
import { dynamicReason } from '../keys/dynamic-reason';

export interface TextReportOptions {
  /** ANSI colors: the CLI turns them on for a TTY without NO_COLOR. */
  color: boolean;
  /** How many usage locations to list per flag before "… and N more". */
  maxUsages?: number;
}

const HEADINGS: Record<FlagStatus, string> = {
  expired: 'EXPIRED: past their expiry date, remove them',
  expiring: 'EXPIRING: expiry date is near',
  stale: 'STALE: one value for everyone, ready to remove',
  missing: 'MISSING: read in code, unknown to the flag source',
  unused: 'UNUSED: defined, but no code reads them',
  active: 'ACTIVE',
};

/** A readable report grouped by status, most urgent first. */
export function formatText(result: AnalysisResult, options: TextReportOptions): string {
  const c = createColors(options.color);
  const tone: Record<FlagStatus, (s: string) => string> = {
    expired: c.red,
    expiring: c.yellow,
    stale: c.magenta,
    missing: c.red,
    unused: c.cyan,
    active: c.green,
  };
  const root = result.config.root;
  const maxUsages = options.maxUsages ?? 3;
  const out: string[] = [];
  const usages = result.records.reduce((n, r) => n + r.usages.length, 0);
  out.push(
    c.bold(`flagsweep: ${result.records.length} flags, ${usages} usages`) +
      c.dim(` (${result.stats.files} files scanned, ${result.stats.parsedFiles} parsed, today ${formatDay(result.now)})`),
  );

  for (const status of FLAG_STATUSES) {
    const records = result.records.filter((r) => r.status === status);
    if (records.length === 0) continue;
    out.push('', tone[status](c.bold(`${HEADINGS[status]} (${records.length})`)));
    const keyWidth = Math.min(40, records.reduce((n, r) => Math.max(n, oneLine(r.key).length), 0));
    for (const r of records) {
      out.push(`  ${c.bold(oneLine(r.key).padEnd(keyWidth))}  ${facts(r)}`);
      out.push(`    ${oneLine(r.reason)}`);
      const sites = (reads: readonly FlagCheck[], note: string, more: string) => {
        for (const u of reads.slice(0, maxUsages)) out.push(c.dim(`    ${oneLine(relativePath(root, u.file))}:${u.range.line}:${u.range.column}${note}`));
        if (reads.length > maxUsages) out.push(c.dim(`    … and ${reads.length - maxUsages} more${more}`));
      };
      sites(r.usages, '', '');
      sites(r.possibleReads ?? [], ' (key chosen at run time)', ' where the key is chosen at run time');
    }
  }

  if (result.dynamic.length > 0) {
    out.push('', c.yellow(c.bold(`DYNAMIC KEYS: chosen at run time, left to a person (${result.dynamic.length})`)));
    for (const d of result.dynamic) {
      out.push(`  ${oneLine(relativePath(root, d.file))}:${d.range.line}:${d.range.column}  ${oneLine(d.dynamic?.expression ?? '')}  ${c.dim(oneLine(dynamicReason(d.dynamic, '')))}`);
    }
  }
  if (result.skipped.length > 0) {
    out.push('', c.yellow(c.bold(`SKIPPED FILES (${result.skipped.length})`)));
    for (const s of result.skipped) out.push(`  ${oneLine(relativePath(root, s.file))}: ${oneLine(s.reason)}`);
  }
  const warnings = result.diagnostics.filter((d) => d.severity !== 'info');
  if (warnings.length > 0) {
    out.push('', c.yellow(c.bold(`WARNINGS (${warnings.length})`)));
    for (const d of warnings) out.push(`  ${oneLine(d.where.startsWith('/') ? relativePath(root, d.where) : d.where)}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ${oneLine(d.message)}`);
  }

  out.push('', summaryLine(result.records, tone));
  return out.join('\n') + '\n';
}

function facts(r: FlagRecord): string {
  const parts: string[] = [];
  if (r.owner) parts.push(`owner ${r.owner}`);
  if (r.expires) parts.push(r.expires === 'never' ? 'never expires' : `expires ${r.expires}`);
  const value = winningValue(r);
  if (value !== undefined) parts.push(`winning value ${formatValue(value)}`);
  parts.push(`${r.usages.length} usage${r.usages.length === 1 ? '' : 's'}`);
  const possible = r.possibleReads?.length ?? 0;
  if (possible > 0) parts.push(`${possible} possible`);
  return oneLine(parts.join(' · '));
}

function summaryLine(records: FlagRecord[], tone: Record<FlagStatus, (s: string) => string>): string {
  const parts = FLAG_STATUSES.map((s) => [s, records.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => tone[s](`${n} ${s}`));
  return `Summary: ${parts.length ? parts.join(' · ') : 'no flags found'}`;
}
