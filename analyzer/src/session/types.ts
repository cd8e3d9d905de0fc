import type ts = require('typescript');
import type { ScanCache, ScanCacheOptions } from '../cache/scan-cache';
import type { ResolvedConfig } from '../config/load';
import type { ScanResult, SkippedFile } from '../detect/scan';
import type { Diagnostic, FlagAnnotation, FlagCheck, KeyDeclaration } from '../model';
import type { SourceSnapshot } from '../sources/types';

/** Supplies a file's text (unsaved editor buffers, ESLint's source); undefined when the file does not exist. */
export type ReadFile = (absPath: string) => string | undefined;

/** How a session is made: one per config (per workspace folder, per lint configuration, per CLI run). */
export interface SessionOptions {
  /** A validated config (`loadConfig`, `resolveConfig`); the session never looks for one itself. */
  config: ResolvedConfig;
  /** Today, as a UTC day: statuses (expired, expiring, stale) are relative to it. Change it with `setNow`. */
  now: Date;
  /**
   * Where file text comes from. Default: the disk, through `readTextFile` with `config.maxFileBytes` (FIFOs,
   * devices and files over the limit are refused and reported as skipped files, never read).
   */
  readFile?: ReadFile;
  /**
   * Text of the files open in an editor (unsaved edits included); undefined for the others, which are read from the
   * disk, and so can come from the scan cache. Instead of `readFile`: an editor that wants the scan cache gives this.
   */
  openText?: ReadFile;
  /** The persistent scan cache (`flagsweep --cache`): unchanged files come from it, unread and unparsed. Disk reads only. */
  cache?: ScanCacheOptions;
  /**
   * A scan cache to read, never written (the ESLint plugin): files unchanged since `flagsweep --cache` or the editor
   * wrote it come from it, unread and unparsed. It is let go after the first whole-project indexing, so a long-lived
   * host keeps none of it. Instead of `cache`; disk reads only.
   */
  reuseCache?: ScanCacheOptions;
  /** A scan cache the caller opened and saves itself (`scanProject`); takes the place of `cache`. */
  scanCache?: ScanCache;
  /** Folder for the TypeScript compiler's V8 code cache (the CLI passes one); unset: none. */
  compileCache?: string;
  /**
   * Keep the parses that key resolution made of other files (default true: a one-shot scan reuses them). A
   * long-lived session (the editor, the ESLint plugin) passes false: each indexed file's parse is dropped once it is
   * indexed, and its results are copied out of its text, so that no file's text stays in memory.
   */
  retainModuleParses?: boolean;
  /**
   * Keep a digest of every indexed file's text, so that `updateFile` with the text the session already indexed is a
   * no-op (no re-detection, records kept). The ESLint plugin hands every linted file's text, mostly unchanged since
   * `indexAll` read it. Default false (the digest costs about 15 ms per 10 MB of source).
   */
  skipUnchangedUpdates?: boolean;
  /**
   * `indexAll` leaves unparsed the files that can add only their own checks (a flag token, but no annotation and no
   * flag-factory import): the ESLint plugin hands each linted file's parse to `updateFile` (typescript-eslint's), so
   * such a file is parsed once in a lint run, not twice. Until `completeIndex()`, `record` and `recordForCheck`
   * count only the parsed files' usages (status, expiry, owner and type are exact: every annotation is read); the
   * whole-project results (`records()`, `scanSummary()`, …) complete the index first. Not with a writable `cache`.
   */
  deferParses?: boolean;
}

/** What the session knows about one indexed file. */
export interface FileResult {
  /** Absolute path, forward slashes. */
  file: string;
  /** Lines of text (0 when the file could not be read). */
  lines: number;
  /** True when the file was parsed and matched (false: ruled out by the prefilter, unreadable, did not parse, crashed). */
  parsed: boolean;
  checks: readonly FlagCheck[];
  /** Declarations holding keys read here, including those in other files a check resolved through. */
  declarations: readonly KeyDeclaration[];
  /** Flag annotations written in this file. */
  annotations: readonly FlagAnnotation[];
  /** What detection said about the file (a syntax error, a malformed annotation, an ambiguous key). */
  diagnostics: readonly Diagnostic[];
  /** Set when the file could not be looked at: too large, unreadable, did not parse, or the matcher crashed on it. */
  skipped?: SkippedFile;
  /** Other files whose text the key resolution of this file read: a change there re-indexes this file. */
  dependsOn: readonly string[];
}

/** Progress of `indexFiles` / `indexAll`: files done of the total asked for. */
export type ProgressListener = (done: number, total: number) => void;

/** Something that says "stop": an `AbortSignal`, or any object with `aborted`. Checked between files. */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface IndexOptions {
  /** Called with (done, total): at 0 before the first file, now and then during the run, and at the end. */
  onProgress?: ProgressListener;
  signal?: CancelSignal;
  /**
   * Asynchronous runs give the event loop a turn when this many milliseconds have passed since the last one
   * (default 30; the editor stays responsive). Ignored by the synchronous variants.
   */
  yieldEveryMs?: number;
  /** Re-index files already indexed (default false: a file the session holds is current, `updateFile` keeps it so). */
  reindex?: boolean;
}

export interface IndexAllOptions extends IndexOptions {
  /** Narrow the listing to these files or folders (absolute, or relative to `config.root`). */
  paths?: readonly string[];
}

/** The end of an indexing run. */
export interface IndexOutcome {
  /** Files the run was asked to index. */
  total: number;
  /** Files indexed (read and examined, or taken from the scan cache) in this run. */
  indexed: number;
  /** The run stopped early because `signal` was aborted. */
  cancelled: boolean;
}

/** Options of `loadSources` / `loadSourcesSync`. */
export interface LoadSourcesOptions {
  /** Tokens for remote sources (process.env in the CLI, SecretStorage in the editor). Not needed offline. */
  env?: Record<string, string | undefined>;
  /** No network: flag files and the remote sources' disk caches only. */
  offline?: boolean;
  /** Overrides the environment of remote sources (--source-env). */
  environment?: string;
  /** Re-read only the local flag files (flagd) and keep the last snapshots of remote sources (a flag-file edit). */
  localOnly?: boolean;
  /** Revalidate remote sources with their services even if they answered within the last minute. */
  force?: boolean;
}

/** The sources after a load: one snapshot per configured source, in config order, and what they had to say. */
export interface LoadedSources {
  snapshots: readonly SourceSnapshot[];
  diagnostics: readonly Diagnostic[];
}

/** Everything besides flag statuses that a front end may show as a problem. */
export interface SessionProblems {
  /** Files that could not be looked at (too large, unreadable, did not parse, crashed), in indexing order. */
  skipped: readonly SkippedFile[];
  /** Detection diagnostics of every indexed file (syntax errors included), by file. */
  scan: readonly Diagnostic[];
  /** Every flag annotation of the project, each once (with the problems its parser found). */
  annotations: readonly FlagAnnotation[];
  /** Diagnostics of the last source load (a flag file's, or a remote source id's). */
  sources: readonly Diagnostic[];
  /** Warnings about the scan cache file (unreadable, corrupt, not writable). */
  cache: readonly Diagnostic[];
}

/** Options of `updateFile`. */
export interface UpdateOptions {
  /**
   * A parse of the given text the caller already holds (typescript-eslint's `ts.SourceFile`): not parsed again.
   * Ignored (the text is parsed) when it is not a SourceFile of this text from the TypeScript copy the session uses.
   */
  sourceFile?: ts.SourceFile;
  /**
   * A file the index does not hold yet, but which was on disk when the indexed files resolved their keys (a file
   * ESLint lints that the config excludes): files with unresolved keys are not looked at again for it.
   */
  onDiskBefore?: boolean;
}

/** Options of `records`, `record` and `recordForCheck`. */
export interface RecordOptions {
  /** Another expiry window than `config.lifecycle.warnBeforeExpiryDays` (a rule option): statuses are decided with it. */
  warnBeforeExpiryDays?: number;
}

/**
 * Code the cleanup would remove from a file for one flag kept at one value: offsets into the file's current text.
 * The flag's own checks and the flag plumbing (variables holding the flag, conditions it decides) are not part of
 * it: what is left is code that can no longer run, exactly as `flagsweep cleanup` removes it.
 */
export interface DeadRange {
  key: string;
  value: unknown;
  start: number;
  end: number;
}

/** The whole project's scan, as `flagsweep scan` reports it (checks in file order, declarations and annotations each once). */
export type ScanSummary = Omit<ScanResult, 'durationMs'>;
