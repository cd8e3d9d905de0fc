import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../cli/helpers';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO_ROOT, 'analyzer/dist/cli/main.js');

/** Builds the analyzer (incremental `tsc -b`) so the tests run the real binary, as a user would. */
export function buildCli(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'analyzer'], { cwd: REPO_ROOT, stdio: 'pipe' });
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} was not built`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `flagsweep <args>` in `cwd` with pipes (not a TTY) and no color. */
export function flagsweep(cwd: string, ...args: string[]): CliRun {
  const r = runCli(args, { cwd, inheritEnv: true, env: { NO_COLOR: '1', FLAGSWEEP_NOW: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
