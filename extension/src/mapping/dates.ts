// The core's date maths from its dependency-free subpath, so it lands in the small activation bundle
// instead of pulling in the lazily loaded analyzer engine.
import { daysBetween, parseIsoDate, parseInstant, parseToday } from '@flagsweep/analyzer/words';

export { daysBetween };

/** "Today" as a UTC day: FLAGSWEEP_NOW (YYYY-MM-DD) when set and valid, so tests and screenshots are deterministic. */
export function todayFrom(envValue: string | undefined, clock: () => Date = () => new Date()): Date {
  try {
    return parseToday(envValue, clock);
  } catch {
    return parseToday(undefined, clock);
  }
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "expires in 12 days", "expires today", "expired 3 days ago", "never expires"; undefined without a date. */
export function expiryPhrase(expires: string | undefined, now: Date): string | undefined {
  if (!expires) return undefined;
  if (expires === 'never') return 'never expires';
  const date = parseIsoDate(expires);
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

/** "for 41 days" when a source says since when the flag has served the same value; undefined otherwise. */
export function constantForPhrase(since: string | undefined, now: Date): string | undefined {
  const from = parseInstant(since);
  if (!from) return undefined;
  const days = daysBetween(from, now);
  return days > 0 ? `for ${plural(days, 'day')}` : undefined;
}
