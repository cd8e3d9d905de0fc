import { parseIsoDate, parseToday } from '@flagsweep/analyzer/words';

/**
 * "Today" for a lint run: `settings.flagsweep.now`, else FLAGSWEEP_NOW (reproducible CI), else the clock's UTC
 * day. Throws with a one-line reason when a given value is not a calendar day.
 */
export function resolveToday(settingsNow: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const [value, where] = settingsNow ? [settingsNow, 'settings.flagsweep.now'] : [env.FLAGSWEEP_NOW, 'FLAGSWEEP_NOW'];
  // Every linted file asks: a given day is parsed once (the clock's day is not cached: it moves).
  const known = value ? givenDays.get(value) : undefined;
  if (known) return known;
  try {
    const today = parseToday(value);
    if (value) givenDays.set(value, today);
    return today;
  } catch {
    throw new Error(`flagsweep: ${where}: expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

const givenDays = new Map<string, Date>();

/** An annotation or metadata expiry as a date; undefined for `never` and anything malformed. */
export function expiryDate(expires: string | undefined): Date | undefined {
  return expires && expires !== 'never' ? parseIsoDate(expires) : undefined;
}
