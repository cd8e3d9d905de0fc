import type { FlagRecord } from '@flagsweep/analyzer';

export interface StatusBarContent {
  text: string;
  tooltip: string;
  /** Nothing needs attention: the item hides. */
  hidden: boolean;
}

/** "$(flag) 2 expired · 1 stale" for the status bar item. */
export function statusBarText(records: readonly FlagRecord[]): StatusBarContent {
  const count = (s: FlagRecord['status']) => records.filter((r) => r.status === s).length;
  const expired = count('expired');
  const stale = count('stale');
  const parts: string[] = [];
  if (expired) parts.push(`${expired} expired`);
  if (stale) parts.push(`${stale} stale`);
  const tooltip = `flagsweep: ${records.length} flag${records.length === 1 ? '' : 's'}; ${expired} expired, ${stale} stale, ${count('expiring')} expiring, ${count('missing')} missing. Click for the flags view.`;
  return { text: `$(flag) ${parts.length ? parts.join(' · ') : 'flags OK'}`, tooltip, hidden: records.length === 0 };
}

/** "flagsweep: indexing 1,200 / 3,400 files" while the background index runs. */
export function indexingText(done: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return total > 0 ? `flagsweep: indexing ${n(done)} / ${n(total)} files` : 'flagsweep: listing files…';
}
