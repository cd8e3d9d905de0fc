import { winningValue } from '../lifecycle/winning-value';
import type { FlagRecord } from '../model';

/**
 * What to run to remove a flag: with the value to keep when there is one (`undefined`: none, the team chooses).
 * Every front end suggests this same command, so "remove it" means one thing in the terminal, the linter and the editor.
 */
export function cleanupCommand(key: string, value: unknown): string {
  if (value === undefined) return `flagsweep cleanup ${key} --value <the value to keep>`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `flagsweep cleanup ${key} --value ${/^[\w.-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`}`;
}

/** `cleanupCommand` for a record: its winning value (served to everyone, or the one code default of a disabled or missing flag). */
export function cleanupCommandFor(record: FlagRecord): string {
  return cleanupCommand(record.key, winningValue(record));
}
