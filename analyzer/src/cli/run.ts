import { CommanderError } from 'commander';
import { ConfigError } from '../config/errors';
import { EXIT } from './exit-codes';
import { UsageError } from './options';

/**
 * Wraps a command action: its resolved number is the exit code; a config or usage error is one line on
 * stderr and exit 2; anything else is a crash reported with its stack, also exit 2.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number> | number): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await fn(...args);
    } catch (e) {
      process.exitCode = reportError(e);
    }
  };
}

export function reportError(e: unknown): number {
  if (e instanceof ConfigError || e instanceof UsageError) {
    process.stderr.write(`flagsweep: ${e.message}\n`);
    return EXIT.USAGE;
  }
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  process.stderr.write(`flagsweep: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.USAGE;
}
