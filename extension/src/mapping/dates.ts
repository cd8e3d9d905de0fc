const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Today" as a UTC day: FLAGSWEEP_NOW (YYYY-MM-DD) when set, so tests and screenshots are deterministic. */
export function todayFrom(envValue: string | undefined, clock: () => Date = () => new Date()): Date {
  const fixed = envValue ? parseDay(envValue) : undefined;
  if (fixed) return fixed;
  const now = clock();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function parseDay(text: string): Date | undefined {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text.trim() ? d : undefined;
}

/** Whole UTC days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day(to) - day(from)) / DAY_MS);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "expires in 12 days", "expires today", "expired 3 days ago", "never expires"; undefined without a date. */
export function expiryPhrase(expires: string | undefined, now: Date): string | undefined {
  if (!expires) return undefined;
  if (expires === 'never') return 'never expires';
  const date = parseDay(expires);
  if (!date) return undefined;
  const days = daysBetween(now, date);
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  if (days === -1) return 'expired yesterday';
  return days > 0 ? `expires in ${plural(days, 'day')}` : `expired ${plural(-days, 'day')} ago`;
}

/** "as of 2026-11-22 09:14 UTC" for cached data; the date alone when the time is midnight or missing. */
export function asOfPhrase(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const text = d.toISOString();
  const time = text.slice(11, 16);
  return `as of ${text.slice(0, 10)}${time === '00:00' && !iso.includes('T') ? '' : ` ${time} UTC`}`;
}
