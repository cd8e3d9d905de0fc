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
  return cmd.option('-c, --config <file>', 'path of flagsweep.config.json or .jsonc (default: found by walking up from the first path)');
}

export function addAnalysisOptions(cmd: Command): Command {
  addConfigOption(cmd)
    .option('--now <YYYY-MM-DD>', 'fix "today" for reproducible runs (default: $FLAGSWEEP_NOW or the clock)')
    .option('--offline', 'use only the flag file and cached remote state; no network')
    .option('--source-env <environment>', 'environment of remote flag sources (overrides the config)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout');
  return addColorOptions(cmd);
}

/** --color / --no-color; neither given leaves `color` undefined, so the environment and the terminal decide. */
export function addColorOptions(cmd: Command): Command {
  return cmd.option('--color', 'ANSI colors even when not on a terminal (also FORCE_COLOR=1)').option('--no-color', 'no ANSI colors (also NO_COLOR=1 or FORCE_COLOR=0)');
}

/** Parser for an option that takes a whole number (>= 0); the default stays a number, so help shows `(default: 10)`. */
export function wholeNumber(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${option}: "${value}" is not a whole number`);
    return n;
  };
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

/**
 * Whether to write ANSI colors: --color / --no-color decide; else NO_COLOR (any non-empty value) turns them off;
 * else FORCE_COLOR turns them on (off for 0 or false), for CI logs that render colors; else only on a terminal.
 * A report written to a file (--output) gets colors only with --color.
 */
export function useColor(
  opts: { color?: boolean; output?: string },
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (opts.color !== undefined) return opts.color;
  if (opts.output) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
