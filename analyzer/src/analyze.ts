import * as path from 'node:path';
import { loadConfig, type ResolvedConfig } from './config';
import type { ScanCacheOptions } from './cache/scan-cache';
import type { SkippedFile } from './detect/scan';
import type { Diagnostic, FlagCheck, FlagRecord } from './model';
// Not the barrels: they load TypeScript, which a scan needs only once a file passes the prefilter.
import { ProjectSession } from './session/session';
import { sourceLabel } from './session/sources';
import type { SourceSnapshot } from './sources/types';

export interface AnalyzeOptions {
  /** Files or folders to scan; the config is looked up from the first one. Default: `cwd`. */
  paths?: string[];
  cwd: string;
  /** An explicit config file (--config). */
  configFile?: string;
  /** A config already loaded (the extension, the ESLint plugin); skips the lookup. */
  config?: ResolvedConfig;
  /** Today, as a UTC day. */
  now: Date;
  /** Where source tokens come from (process.env in the CLI, SecretStorage in the extension). */
  env: Record<string, string | undefined>;
  offline?: boolean;
  /** Overrides the environment of remote sources (--source-env). */
  sourceEnvironment?: string;
  readFile?: (absPath: string) => string | undefined;
  onProgress?: (done: number, total: number) => void;
  /** The persistent scan cache (`--cache`); unset: none. */
  cache?: ScanCacheOptions;
  /** Folder for the TypeScript compiler's V8 code cache (the CLI passes one); unset: none. */
  compileCache?: string;
}

export interface AnalysisResult {
  config: ResolvedConfig;
  now: Date;
  records: FlagRecord[];
  /** Checks whose key could not be resolved statically. */
  dynamic: FlagCheck[];
  skipped: SkippedFile[];
  diagnostics: Diagnostic[];
  snapshots: SourceSnapshot[];
  stats: { files: number; parsedFiles: number; lines: number; durationMs: number };
}

/** Config → scan → flag states → records: everything `flagsweep scan` reports. Never prints or writes. */
export async function analyze(options: AnalyzeOptions): Promise<AnalysisResult> {
  const started = performance.now();
  const paths = (options.paths?.length ? options.paths : [options.cwd]).map((p) => path.resolve(options.cwd, p));
  const config = options.config ?? loadConfig(paths[0], options.configFile);
  const session = new ProjectSession({ config, now: options.now, readFile: options.readFile, cache: options.readFile ? undefined : options.cache, compileCache: options.compileCache });
  const onProgress = options.onProgress;
  const [, loaded] = await Promise.all([
    session.indexAll({ paths, onProgress: onProgress && ((done, total) => done > 0 && onProgress(done, total)) }),
    session.loadSources({ env: options.env, offline: options.offline, environment: options.sourceEnvironment }),
  ]);
  const scan = session.scanSummary();
  return {
    config,
    now: options.now,
    records: session.records(),
    dynamic: scan.checks.filter((c) => c.key === null),
    skipped: scan.skipped,
    diagnostics: [...session.problems().cache, ...scan.diagnostics, ...loaded.diagnostics],
    snapshots: [...loaded.snapshots],
    stats: { files: scan.files, parsedFiles: scan.parsedFiles, lines: scan.lines, durationMs: Math.round(performance.now() - started) },
  };
}

export { sourceLabel };
