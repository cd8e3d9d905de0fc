import type { JsonReport } from '../report/json';
import type { DebtReport } from './types';

/** The versioned JSON report (still "version": 1) with the debt fields added; in --since mode only the flags kept. */
export interface JsonReportWithDebt extends JsonReport {
  flags: (JsonReport['flags'][number] & {
    usageCount: number;
    fileCount: number;
    firstSeen: string | null;
    lastTouched: string | null;
    ageDays: number | null;
    ageSource: 'git' | 'source' | null;
    removableLines: number | null;
  })[];
  debt: {
    summary: DebtReport['summary'];
    git: DebtReport['git'];
    since: DebtReport['since'] | null;
  };
}

export function withDebt(json: JsonReport, debt: DebtReport): JsonReportWithDebt {
  const byKey = new Map(debt.flags.map((f) => [f.key, f]));
  return {
    ...json,
    flags: json.flags
      .filter((flag) => byKey.has(flag.key))
      .map((flag) => {
        const d = byKey.get(flag.key)!;
        return {
          ...flag,
          usageCount: d.usageCount,
          fileCount: d.fileCount,
          firstSeen: d.firstSeen ?? null,
          lastTouched: d.lastTouched ?? null,
          ageDays: d.ageDays ?? null,
          ageSource: d.ageSource ?? null,
          removableLines: d.removableLines ?? null,
        };
      }),
    debt: { summary: debt.summary, git: debt.git, since: debt.since ?? null },
  };
}
