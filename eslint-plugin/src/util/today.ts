import { parseIsoDate, parseToday } from '@flagsweep/analyzer';

/**
 * "Today" for a lint run: `settings.flagsweep.now`, else FLAGSWEEP_NOW (reproducible CI), else the clock's UTC
 * day. Throws with a one-line reason when a given value is not a calendar day.
 */
export function resolveToday(settingsNow: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const [value, where] = settingsNow ? [settingsNow, 'settings.flagsweep.now'] : [env.FLAGSWEEP_NOW, 'FLAGSWEEP_NOW'];
  try {
    return parseToday(value);
  } catch {
    throw new Error(`flagsweep: ${where}: expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/** An annotation or metadata expiry as a date; undefined for `never` and anything malformed. */
export function expiryDate(expires: string | undefined): Date | undefined {
  return expires && expires !== 'never' ? parseIsoDate(expires) : undefined;
}
