import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '@flagsweep/analyzer/session';

/**
 * What the rules' results depend on besides the linted file: today's date, the flagsweep config and the local flag
 * files. ESLint's `--cache` keys results by the file and the config it was linted with, so this digest goes into the
 * recommended config's settings: when the date, the config or a flag file changes, every cached result is dropped.
 * Computed when the config is loaded (once per ESLint run), from ESLint's working directory.
 */
export function cacheDigest(cwd: string = process.cwd()): string {
  const hash = createHash('sha256');
  // The clock's UTC day and FLAGSWEEP_NOW as given (a malformed one is the rules' to report, not this digest's).
  hash.update(`today ${new Date().toISOString().slice(0, 10)} ${process.env.FLAGSWEEP_NOW ?? ''}\n`);
  try {
    const config = loadConfig(cwd);
    const files = [config.configFile, ...config.sources.flatMap((s) => (s.type === 'flagd' ? [path.resolve(config.root, s.path)] : []))];
    for (const file of files) {
      if (!file) continue;
      hash.update(`file ${file}\n`);
      hash.update(readOrMissing(file));
    }
  } catch (e) {
    // A broken config is reported by the rules; its message still keys the cache, so fixing it relints.
    hash.update(`config error ${(e as Error).message}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

function readOrMissing(file: string): Buffer | string {
  try {
    const stat = fs.statSync(file);
    // Only regular files are read (a FIFO would block the config load); anything else keys by its kind.
    return stat.isFile() ? fs.readFileSync(file) : `not a regular file (${stat.mode})`;
  } catch {
    return 'missing';
  }
}
