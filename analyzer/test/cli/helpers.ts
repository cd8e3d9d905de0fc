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

/** Runs the built `flagsweep` binary (npm test builds it first). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -b" at the repo root first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch copy of a fixture project, so tests never change the fixtures. */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flagsweep-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
