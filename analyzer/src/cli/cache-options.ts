import * as path from 'node:path';
import type { Command } from 'commander';
import { defaultCompileCacheDir } from '../cache/compiler-code-cache';
import { DEFAULT_CACHE_LOCATION, type ScanCacheOptions } from '../cache/scan-cache';

export interface CacheCliOptions {
  cache?: boolean;
  cacheLocation?: string;
}

/** --cache and --cache-location, shared by scan, check and report (opt-in, as in ESLint and Prettier). */
export function addCacheOptions(cmd: Command): Command {
  return cmd
    .option('--cache', 'reuse what earlier scans found in files that did not change (flag state is never cached)')
    .option('--cache-location <folder>', `folder of the scan cache, used with --cache (default: ${DEFAULT_CACHE_LOCATION})`);
}

/** What analyze() takes from those options; the compiler's code cache is always used (NODE_DISABLE_COMPILE_CACHE turns it off). */
export function cacheSettings(opts: CacheCliOptions, cwd: string = process.cwd()): { cache?: ScanCacheOptions; compileCache?: string } {
  return {
    cache: opts.cache ? { location: path.resolve(cwd, opts.cacheLocation ?? DEFAULT_CACHE_LOCATION) } : undefined,
    compileCache: defaultCompileCacheDir(),
  };
}
