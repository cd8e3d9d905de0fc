import type { SweepResult } from '../../sweep/types';
import { valueLabel } from '../../sweep/text';
import { escapeControlChars } from '../../report/control-chars';

const VERB: Record<string, [string, string]> = {
  created: ['created', 'would create'],
  rebuilt: ['rebuilt on the new base', 'would rebuild on the new base'],
  'up-to-date': ['up to date, left as it is', 'up to date, would be left as it is'],
  skipped: ['skipped', 'would skip'],
};

/** The plan (or what was done) as plain text: one line per branch, its flags, and the flags left alone and why. */
export function formatSweepText(r: SweepResult): string {
  const lines: string[] = [];
  const head = r.dryRun ? 'flagsweep sweep (dry run, nothing written)' : 'flagsweep sweep';
  lines.push(`${head}: base ${r.base.ref} (${r.base.commit.slice(0, 12)}), ${r.branches.length} branch${r.branches.length === 1 ? '' : 'es'}, today ${r.today}`);
  for (const b of r.branches) {
    const verb = VERB[b.state][r.dryRun ? 1 : 0];
    // A branch skipped for its one flag's reason says it once, on the flag's line.
    const branchReason = b.skipReason && !b.flags.some((f) => f.skipReason === b.skipReason) ? `: ${b.skipReason}` : '';
    lines.push('', `${b.branch}: ${verb}${b.commit && !r.dryRun ? ` (${b.commit.slice(0, 12)})` : ''}${branchReason}`);
    for (const f of b.flags) {
      if (f.outcome === 'cleaned') lines.push(`  ${f.key} = ${valueLabel(f.value)}: ${f.files.length} file${f.files.length === 1 ? '' : 's'}, -${f.linesRemoved} lines, verified (${f.verification.mode})`);
      else lines.push(`  ${f.key}: skipped: ${f.skipReason}`);
      for (const d of f.verification.newDiagnostics.slice(f.outcome === 'skipped' ? 1 : 0)) lines.push(`    ${d.file}:${d.line}:${d.column} TS${d.code} ${d.message}`);
    }
    if (b.reviewers.length > 0) lines.push(`  reviewers: ${b.reviewers.join(', ')}`);
    if (b.prFile) lines.push(`  pull-request text: ${b.prFile}`);
    if (b.pushed) lines.push(`  pushed to ${r.remote}`);
  }
  if (r.notEligible.length > 0) {
    lines.push('', `Not swept (${r.notEligible.length}):`);
    for (const n of r.notEligible) lines.push(`  ${n.key} (${n.status}): ${n.reason}`);
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  // Keys, owners (reviewers), file names and reasons come from code and flag data: an escape sequence in one is shown.
  return escapeControlChars(`${lines.join('\n')}\n`);
}
