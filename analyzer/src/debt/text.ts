import { plural, removableText } from './format';
import type { DebtReport } from './types';

/** The debt section appended to the text report: totals, owners, oldest flags and git notes. */
export function renderDebtText(report: DebtReport): string {
  const s = report.summary;
  const out = ['', 'DEBT'];
  out.push(`  ${s.needsAction} of ${plural(s.flags, 'flag')} need action; removable lines: ${removableText(s.removableLines)}`);
  if (report.since) out.push(`  only flags touched since ${report.since.ref} (${report.since.commit.slice(0, 7)})`);
  if (s.byOwner.length > 0) {
    out.push('  by owner:');
    const width = Math.min(30, Math.max(...s.byOwner.map((o) => o.owner.length)));
    for (const o of s.byOwner) {
      out.push(`    ${o.owner.padEnd(width)}  ${plural(o.flags, 'flag')}, ${o.needsAction} need action, removable lines ${removableText(o.removableLines)}`);
    }
  }
  if (s.oldest.length > 0) {
    out.push('  oldest:');
    const width = Math.min(40, Math.max(...s.oldest.map((o) => o.key.length)));
    for (const o of s.oldest) out.push(`    ${o.key.padEnd(width)}  ${plural(o.ageDays, 'day')} (since ${o.firstSeen}), ${o.status}`);
  }
  for (const note of report.git.notes) out.push(`  note: ${note}`);
  return out.join('\n') + '\n';
}
