import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { parseToday } from '../lifecycle/dates';

/** Options every analysis command shares (scan, check, report, cleanup, sources). */
export interface CommonOptions {
  config?: string;
  now?: string;
  offline?: boolean;
  sourceEnv?: string;
  output?: string;
  color?: boolean;
}

export function addConfigOption(cmd: Command): Command {
  return cmd.option('-c, --config <file>', 'path of flagsweep.config.json (default: found by walking up from the first path)');
}

export function addAnalysisOptions(cmd: Command): Command {
  return addConfigOption(cmd)
    .option('--now <YYYY-MM-DD>', 'fix "today" for reproducible runs (default: $FLAGSWEEP_NOW or the clock)')
    .option('--offline', 'use only the flag file and cached remote state; no network')
    .option('--source-env <environment>', 'environment of remote flag sources (overrides the config)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--no-color', 'no ANSI colors (also NO_COLOR=1)');
}

export function formatOption(formats: readonly string[], fallback: string): Option {
  return new Option('-f, --format <format>', 'output format').choices(formats).default(fallback);
}

/** "Today": --now, else FLAGSWEEP_NOW, else the clock. Throws a UsageError on a malformed date. */
export function resolveToday(opts: { now?: string }, env: NodeJS.ProcessEnv = process.env): Date {
  const value = opts.now ?? env.FLAGSWEEP_NOW;
  // An empty FLAGSWEEP_NOW means "not set"; an empty --now is a mistake (an unset shell variable, say).
  if (opts.now === '') throw new UsageError('--now: "" is not a date: expected YYYY-MM-DD');
  try {
    return parseToday(value);
  } catch (e) {
    throw new UsageError(`${opts.now !== undefined ? '--now' : 'FLAGSWEEP_NOW'}: ${(e as Error).message}`);
  }
}

/** The paths a command was given must exist: a typo would otherwise scan nothing and pass. */
export function checkPathsExist(paths: readonly string[], cwd: string = process.cwd()): void {
  for (const p of paths) {
    if (!fs.existsSync(path.resolve(cwd, p))) throw new UsageError(`${p}: no such file or folder`);
  }
}

/** Colors only on a TTY, never with NO_COLOR or --no-color. */
export function useColor(opts: { color?: boolean; output?: string }, stream: NodeJS.WriteStream = process.stdout): boolean {
  return opts.color !== false && !opts.output && stream.isTTY === true && !process.env.NO_COLOR;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
