import { formatIsoDay, parseIsoDay } from '../text/iso-day';

export { formatIsoDay as formatDay } from '../text/iso-day';

const DAY_MS = 86_400_000;

/** Parses YYYY-MM-DD as a UTC day; undefined when malformed or not a real calendar date. */
export function parseIsoDate(text: string): Date | undefined {
  return parseIsoDay(text.trim());
}

/** "Today" for a run: the given YYYY-MM-DD (from --now or FLAGSWEEP_NOW), else the clock's UTC day. */
export function parseToday(value: string | undefined, clock: () => Date = () => new Date()): Date {
  if (value !== undefined && value !== '') {
    const parsed = parseIsoDate(value);
    if (!parsed) throw new RangeError(`"${value}" is not a date: expected YYYY-MM-DD`);
    return parsed;
  }
  const now = clock();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both are taken as UTC days. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to) - startOfUtcDay(from)) / DAY_MS);
}

function startOfUtcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Parses an ISO date or date-time from a source; undefined when it isn't one. */
export function parseInstant(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
