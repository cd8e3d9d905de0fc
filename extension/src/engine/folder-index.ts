import { loadConfig, type Diagnostic, type FlagCheck, type FlagRecord, type FlagState, type ResolvedConfig, type SourceSnapshot } from '@flagsweep/analyzer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSession, DEFAULT_CACHE_LOCATION, type DeadRange, type FileResult, type ProjectSession } from '@flagsweep/analyzer/session';
import type { FolderProblems } from '../mapping/problems';

export interface FolderIndexOptions {
  /** Workspace folder (absolute). */
  root: string;
  /** Explicit config file (setting `flagsweep.configFile`), absolute. */
  configFile?: string;
  /** Returns unsaved editor text when there is some, else the file on disk; undefined when absent. */
  readFile: (absPath: string) => string | undefined;
  /**
   * Unsaved editor text of the open documents only (undefined for the rest). Given in a trusted workspace: where a
   * CLI run left its scan cache (`node_modules/.cache/flagsweep/`), files no editor holds then come from it.
   */
  openText?: (absPath: string) => string | undefined;
  now: Date;
}

export interface StateLoadOptions {
  /** Tokens (from SecretStorage); empty in Restricted Mode. */
  env: Record<string, string | undefined>;
  /** No network: local files and caches only (Restricted Mode, `flagsweep.offline`, local edits). */
  offline: boolean;
}

/**
 * One workspace folder's flag records, held by the core's project session. This class only schedules: the files
 * in front of the person first, the rest in the background with progress and cancellation; the session does the
 * listing, the per-file detection (a file that crashes the matcher is a problem at that file), the incremental
 * updates, the sources and the records.
 */
export class FolderIndex {
  private readonly session: ProjectSession;
  indexed = false;

  constructor(options: FolderIndexOptions) {
    const config = loadConfig(options.root, options.configFile);
    // Long-lived: each indexed file's parse is dropped once it is indexed.
    const cacheLocation = path.join(config.root, DEFAULT_CACHE_LOCATION);
    const reuseCache = options.openText !== undefined && fs.existsSync(cacheLocation);
    this.session = reuseCache
      ? createSession({ config, now: options.now, openText: options.openText, cache: { location: cacheLocation }, retainModuleParses: false })
      : createSession({ config, now: options.now, readFile: options.readFile, retainModuleParses: false });
  }

  get config(): ResolvedConfig {
    return this.session.config;
  }

  get root(): string {
    return this.session.config.root;
  }

  set now(value: Date) {
    this.session.setNow(value);
  }

  /** Absolute paths of the local flag files (flagd), whose edits refresh state without the network. */
  localSourceFiles(): string[] {
    return this.session.localSourceFiles();
  }

  hasRemoteSources(): boolean {
    return this.session.hasRemoteSources();
  }

  /**
   * Indexes every source file the config covers, giving the event loop a turn every 30 ms (the extension host stays
   * responsive and hovers answer meanwhile). `onProgress` reports files done; `cancelled` stops between files.
   */
  async indexAll(onProgress?: (done: number, total: number) => void, cancelled?: () => boolean): Promise<void> {
    let last = 0;
    const outcome = await this.session.indexAll({
      signal: { get aborted() { return cancelled?.() ?? false; } },
      onProgress: (done, total) => {
        // Every 30 ms is enough for a status bar; the first and the last always go.
        if (done !== 0 && done !== total && Date.now() - last < 30) return;
        last = Date.now();
        onProgress?.(done, total);
      },
    });
    if (!outcome.cancelled) this.indexed = true;
  }

  /**
   * Indexes the files in front of the person before the whole folder: hovers, problems and quick fixes for them come
   * from these files plus the flag source, while the background index fills in usages elsewhere.
   */
  indexFirst(files: { file: string; text: string }[]): void {
    for (const { file, text } of files) if (this.session.coversFile(file)) this.session.updateFile(file, text);
  }

  /** Is this file one the config covers? (Listed files only: see `admit` for new ones.) */
  isSourceFile(file: string): boolean {
    return this.session.isListed(file);
  }

  /** A file created after indexing: the same file lister the scan uses decides whether the config covers it. */
  admit(file: string): Promise<boolean> {
    return this.session.admitFile(file);
  }

  /** Re-indexes one changed file (saved or not). Returns the files whose results changed. */
  updateFile(file: string, text?: string): string[] {
    return this.session.updateFile(file, text);
  }

  removeFile(file: string): void {
    this.session.removeFile(file);
  }

  /**
   * (Re)loads flag states. `localOnly` re-reads only flag files (flagd) and keeps the last remote snapshots:
   * that is what an edit of flags.flagd.json triggers, so typing never waits for the network.
   */
  async loadStates(opts: StateLoadOptions & { localOnly?: boolean; force?: boolean }): Promise<{ diagnostics: Diagnostic[]; snapshots: SourceSnapshot[] }> {
    const loaded = await this.session.loadSources(opts);
    return { diagnostics: [...loaded.diagnostics], snapshots: [...loaded.snapshots] };
  }

  records(): FlagRecord[] {
    return this.session.records();
  }

  record(key: string): FlagRecord | undefined {
    return this.session.record(key);
  }

  /** The record a check belongs to (its key may be written in another form than the source's). */
  recordForCheck(check: Pick<FlagCheck, 'file' | 'range' | 'key'>): FlagRecord | undefined {
    return this.session.recordForCheck(check);
  }

  /** What the index holds for a file with something to show (checks, declarations, annotations, problems). */
  fileEntry(file: string): Readonly<FileResult> | undefined {
    const r = this.session.fileResult(file);
    if (!r || (r.checks.length === 0 && r.declarations.length === 0 && r.annotations.length === 0 && r.diagnostics.length === 0 && !r.skipped)) return undefined;
    return r;
  }

  /** Problems found while indexing: detection diagnostics, and a file the index could not look at, at its first line. */
  scanDiagnostics(): Diagnostic[] {
    const problems = this.session.problems();
    const skipped = problems.skipped.filter((s) => s.kind === 'crashed').map((s): Diagnostic => ({ severity: 'error', where: s.file, message: s.reason, line: 1, column: 1 }));
    return [...problems.scan, ...skipped];
  }

  /** What the Problems panel shows besides flag statuses: annotation, scan and flag-file problems. */
  problems(): FolderProblems {
    const problems = this.session.problems();
    return { annotations: problems.annotations, scan: this.scanDiagnostics(), sources: problems.sources };
  }

  /** Code the cleanup removes when `key` is kept at `value`: what the editor fades (see ProjectSession.deadRanges). */
  deadRanges(file: string, key: string, value: unknown): Promise<DeadRange[]> {
    return this.session.deadRanges(file, key, value);
  }

  /** Checks whose key could not be resolved statically. */
  dynamicChecks(): FlagCheck[] {
    return this.session.dynamicChecks();
  }

  state(key: string): FlagState | undefined {
    return this.session.state(key);
  }

  /** Number of files with flag checks, for logs. */
  get fileCount(): number {
    return this.session.indexedFiles().filter((f) => this.fileEntry(f)).length;
  }
}
