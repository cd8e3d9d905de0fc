import type { ResolvedConfig } from '../config/load';
import type { Diagnostic, FlagAnnotation, FlagCheck, KeyDeclaration } from '../model';
import type { ReadFile } from '../keys/modules';
import type { ScanCache } from '../cache/scan-cache';

export interface ScanOptions {
  /** Narrow the scan to these files or folders (relative to config.root or absolute). */
  paths?: string[];
  /** Supplies file text instead of the disk (unsaved editor buffers). */
  readFile?: ReadFile;
  onProgress?: (done: number, total: number) => void;
  /** The persistent scan cache (`--cache`): unchanged files are taken from it, unread and unparsed. */
  cache?: ScanCache;
  /** Folder for the V8 code cache of the TypeScript compiler (the CLI passes one); none by default. */
  compileCache?: string;
}

export interface ScanResult {
  files: number;
  parsedFiles: number;
  lines: number;
  /** Every check, dynamic ones included (key null), in file order. */
  checks: FlagCheck[];
  declarations: KeyDeclaration[];
  annotations: FlagAnnotation[];
  skipped: SkippedFile[];
  diagnostics: Diagnostic[];
  durationMs: number;
}

/** A file the scan could not look at, and why: too large (maxFileBytes), unreadable, unparseable, or a matcher crash. */
export interface SkippedFile {
  file: string;
  reason: string;
  kind: 'too-large' | 'unreadable' | 'parse-error' | 'crashed';
}

/** Scans a project: lists files, prefilters their text, parses and matches the few that can hold a flag check. */
export async function scanProject(config: ResolvedConfig, opts: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  // Required here: the session module imports this one for its types.
  const { ProjectSession } = require('../session/session') as typeof import('../session/session');
  const session = new ProjectSession({ config, now: new Date(), readFile: opts.readFile, compileCache: opts.compileCache, scanCache: opts.cache });
  const onProgress = opts.onProgress;
  await session.indexAll({ paths: opts.paths, onProgress: onProgress && ((done, total) => done > 0 && onProgress(done, total)) });
  return { ...session.scanSummary(), durationMs: Math.round(performance.now() - started) };
}
