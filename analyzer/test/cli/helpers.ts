import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'analyzer/dist/cli/main.js');
export const FIXTURES = path.join(REPO, 'test-fixtures');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Added to the environment. */
  env?: Record<string, string>;
  /** Start from this process's environment (minus FORCE_COLOR) instead of only PATH and HOME. */
  inheritEnv?: boolean;
  /** Node options before the script, such as `['-r', hook]`. */
  nodeArgs?: string[];
  /** Milliseconds; 0 waits as long as it takes. Default 60 s. */
  timeout?: number;
}

/**
 * Runs the built `flagsweep` binary with pipes (not a TTY). The one way analyzer tests spawn the CLI;
 * `npm test` builds it first, a single test file needs `npx tsc -b` at the repo root.
 */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -b" at the repo root first`);
  const base: NodeJS.ProcessEnv = options.inheritEnv ? { ...process.env } : { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  delete base.FORCE_COLOR;
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...base, ...options.env },
    timeout: options.timeout ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch copy of a fixture project, so tests never change the fixtures. */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flagsweep-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
