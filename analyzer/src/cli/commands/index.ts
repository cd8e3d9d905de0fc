import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every CLI command, one module each, in help order. A module is loaded only when its command runs (or when help
 * lists them all): a scan should not pay for loading cleanup, sweep and git.
 */
export const COMMANDS: Readonly<Record<string, () => Register>> = {
  init: () => (require('./init') as typeof import('./init')).registerInit,
  scan: () => (require('./scan') as typeof import('./scan')).registerScan,
  sources: () => (require('./sources') as typeof import('./sources')).registerSources,
  cleanup: () => (require('./cleanup') as typeof import('./cleanup')).registerCleanup,
  check: () => (require('./check') as typeof import('./check')).registerCheck,
  report: () => (require('./report') as typeof import('./report')).registerReport,
  sweep: () => (require('./sweep') as typeof import('./sweep')).registerSweep,
};

/**
 * The commands to register for these arguments: only the named one when the first argument names a command
 * (`flagsweep scan …`, `flagsweep scan --help`), none for `--version`; all of them otherwise (bare `flagsweep`, `--help`, `help scan`,
 * a misspelled command, which needs the others for its suggestion). The program itself takes no option with a
 * value, so the first argument that is not an option is the command.
 */
export function commandsFor(args: readonly string[]): Register[] {
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined && (args.includes('--version') || args.includes('-V'))) return [];
  const only = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  return only.map((name) => COMMANDS[name]());
}
