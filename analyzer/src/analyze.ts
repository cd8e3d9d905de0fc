import * as path from 'node:path';
import { loadConfig, type ResolvedConfig } from './config';
import { ScanCache, type ScanCacheOptions } from './cache/scan-cache';
// Not the ./detect barrel: that loads TypeScript, which a scan needs only once a file passes the prefilter.
import { scanProject, type SkippedFile } from './detect/scan';
import { buildRecords } from './lifecycle';
import type { Diagnostic, FlagCheck, FlagRecord } from './model';
import { loadFlagStates, type SourceSnapshot } from './sources';

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
  const cache = options.cache && !options.readFile ? ScanCache.open(config, options.cache) : undefined;
  const [scan, loaded] = await Promise.all([
    scanProject(config, { paths, readFile: options.readFile, onProgress: options.onProgress, cache, compileCache: options.compileCache }),
    loadFlagStates(config, {
      env: options.env,
      offline: options.offline,
      environment: options.sourceEnvironment,
      now: options.now,
      readFile: options.readFile,
    }),
  ]);
  cache?.save();
  const records = buildRecords({
    checks: scan.checks,
    declarations: scan.declarations,
    annotations: scan.annotations,
    states: loaded.states,
    lifecycle: config.lifecycle,
    now: options.now,
    sourceLabel: sourceLabel(config),
  });
  return {
    config,
    now: options.now,
    records,
    dynamic: scan.checks.filter((c) => c.key === null),
    skipped: scan.skipped,
    diagnostics: [...(cache?.warnings ?? []), ...scan.diagnostics, ...loaded.diagnostics],
    snapshots: loaded.snapshots,
    stats: { files: scan.files, parsedFiles: scan.parsedFiles, lines: scan.lines, durationMs: Math.round(performance.now() - started) },
  };
}

/** How reasons name the flag source: "flags.flagd.json", "unleash (production)". */
export function sourceLabel(config: ResolvedConfig): string {
  return config.sources.map((s) => (s.type === 'flagd' ? s.path : `${s.type} (${s.environment})`)).join(' or ');
}
