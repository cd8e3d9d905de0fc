import { oneLine } from '../report/control-chars';
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
    const width = Math.min(30, s.byOwner.reduce((n, o) => Math.max(n, oneLine(o.owner).length), 0));
    for (const o of s.byOwner) {
      out.push(`    ${oneLine(o.owner).padEnd(width)}  ${plural(o.flags, 'flag')}, ${o.needsAction} need action, removable lines ${removableText(o.removableLines)}`);
    }
  }
  if (s.oldest.length > 0) {
    out.push('  oldest:');
    const width = Math.min(40, s.oldest.reduce((n, o) => Math.max(n, oneLine(o.key).length), 0));
    for (const o of s.oldest) out.push(`    ${oneLine(o.key).padEnd(width)}  ${plural(o.ageDays, 'day')} (since ${o.firstSeen}), ${o.status}`);
  }
  for (const note of report.git.notes) out.push(`  note: ${oneLine(note)}`);
  return out.join('\n') + '\n';
}
