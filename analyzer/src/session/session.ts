import * as path from 'node:path';
import { ScanCache } from '../cache/scan-cache';
import type { ResolvedConfig } from '../config/load';
import { coversFile } from '../detect/covers-file';
import { listSourceFiles, listSourceFilesSync } from '../detect/files';
import { canonicalKeys } from '../lifecycle/keys';
import { buildRecords } from '../lifecycle/records';
import type { Diagnostic, FlagCheck, FlagRecord, FlagState } from '../model';
import type { SourceSnapshot } from '../sources/types';
import { cleanupCommandFor } from './cleanup-command';
import { FileIndex } from './file-index';
import { textReader } from './read';
import { SessionSources, sourceLabel } from './sources';
import { checksInFileOrder, declarationsAndAnnotations, summarize } from './summary';
import type {
  DeadRange,
  FileResult,
  IndexAllOptions,
  IndexOptions,
  IndexOutcome,
  LoadedSources,
  LoadSourcesOptions,
  ReadFile,
  RecordOptions,
  ScanSummary,
  SessionOptions,
  SessionProblems,
  UpdateOptions,
} from './types';

const toPosix = (p: string): string => p.replace(/\\/g, '/');

/**
 * The one project index every front end uses: which files the config covers, what each holds (flag checks,
 * key declarations, annotations), the flag sources' states, and the flag records with their statuses.
 *
 * The CLI runs it once (`indexAll`, `loadSources`, `records`); the editor and the ESLint plugin keep one per
 * folder / config and keep it current file by file (`updateFile`, `removeFile`). Records are rebuilt lazily (a pure,
 * cheap join) after any change. Never prints, never exits, never writes outside the scan cache it was given.
 */
export class ProjectSession {
  private cfg: ResolvedConfig;
  private today: Date;
  private readonly readFile: ReadFile | undefined;
  private readonly options: SessionOptions;
  private index: FileIndex;
  private sources: SessionSources;
  private cache: ScanCache | undefined;
  /** What the scan cache had to say, kept when a read-only cache is let go (`reuseCache`). */
  private cacheWarnings: Diagnostic[] = [];
  /** Every file the config covers, once listed (whole listing or admitted files); undefined before the first listing. */
  private listed: Set<string> | undefined;
  private listedCount = 0;
  private built: Built | undefined;
  /**
   * `deferParses`: files parsed since the records were built added only usages (no annotation, no declaration). The
   * records are kept: what `record` and `recordForCheck` promise meanwhile (status, expiry, owner, type) is unchanged,
   * unless a key had no usage yet. Rebuilding after each such file cost a 3,000-file lint ~150 ms.
   */
  private usagesBehind = false;
  /** Records built with another expiry window (`RecordOptions.warnBeforeExpiryDays`), until the next change. */
  private readonly builtByWindow = new Map<number, Built>();
  private readonly deadRangeMemo = new Map<string, Promise<DeadRange[]>>();

  constructor(options: SessionOptions) {
    this.options = options;
    this.cfg = options.config;
    this.today = options.now;
    this.readFile = options.readFile ?? (options.openText ? textReader(this.cfg.maxFileBytes, options.openText) : undefined);
    this.cache = this.openCache();
    this.index = this.newIndex();
    this.sources = new SessionSources(this.cfg);
  }

  // ---- Config and today -----------------------------------------------------------------------------------------

  get config(): ResolvedConfig {
    return this.cfg;
  }

  get now(): Date {
    return this.today;
  }

  /** A new "today": statuses (expired, expiring, stale) are recomputed on the next `records()`. */
  setNow(now: Date): void {
    if (now.getTime() === this.today.getTime()) return;
    this.today = now;
    this.changed();
  }

  /**
   * Another config (the file was edited): the index, the listing and the sources start over. Index and load
   * sources again afterwards.
   */
  setConfig(config: ResolvedConfig): void {
    this.cfg = config;
    this.cache = this.openCache();
    this.index = this.newIndex();
    this.sources = new SessionSources(config);
    this.listed = undefined;
    this.listedCount = 0;
    this.changed();
  }

  // ---- Files the config covers ----------------------------------------------------------------------------------

  /** The files the config covers (include, exclude, .gitignore, links to files), sorted; `paths` narrow the listing. */
  async listFiles(paths?: readonly string[]): Promise<string[]> {
    const files = await listSourceFiles(this.cfg, paths ? [...paths] : undefined, this.cache?.listingMemo);
    if (!paths || paths.length === 0) this.noteListing(files);
    return files;
  }

  /** `listFiles`, synchronously (ESLint rules cannot wait). */
  listFilesSync(paths?: readonly string[]): string[] {
    const files = listSourceFilesSync(this.cfg, paths ? [...paths] : undefined, this.cache?.listingMemo);
    if (!paths || paths.length === 0) this.noteListing(files);
    return files;
  }

  /**
   * Does the config's include/exclude cover `file`? Microseconds, no listing: the editor asks it for the file in
   * front of the person before the folder is listed. .gitignore is settled by the full listing.
   */
  coversFile(file: string): boolean {
    return coversFile(this.cfg, file);
  }

  /** Is `file` in the last full listing (or admitted since)? False before any listing. */
  isListed(file: string): boolean {
    return this.listed?.has(toPosix(file)) ?? false;
  }

  /** A file created after the listing: the same lister decides whether the config covers it; if so it is listed. */
  async admitFile(file: string): Promise<boolean> {
    const posix = toPosix(path.resolve(file));
    if (this.listed?.has(posix)) return true;
    if (!posix.startsWith(`${toPosix(this.cfg.root)}/`)) return false;
    const found = await listSourceFiles(this.cfg, [posix]);
    if (!found.includes(posix)) return false;
    this.listed ??= new Set();
    this.listed.add(posix);
    this.listedCount = this.listed.size;
    return true;
  }

  // ---- Indexing -------------------------------------------------------------------------------------------------

  /**
   * Lists the project (narrowed by `paths`) and indexes every file in order, yielding to the event loop now and
   * then. A whole-project run also drops files indexed earlier that the listing leaves out (.gitignore), and looks
   * again at files the prefilter ruled out once a flag factory (Vercel `flag()`) taught it new names.
   */
  async indexAll(opts: IndexAllOptions = {}): Promise<IndexOutcome> {
    const files = await this.listFiles(opts.paths);
    this.beginCacheScan(files, opts.paths);
    const outcome = await this.indexFiles(files, opts);
    if (!outcome.cancelled) this.finishIndexAll(files, opts.paths);
    return outcome;
  }

  /** `indexAll`, synchronously. */
  indexAllSync(opts: IndexAllOptions = {}): IndexOutcome {
    const files = this.listFilesSync(opts.paths);
    this.beginCacheScan(files, opts.paths);
    const outcome = this.indexFilesSync(files, opts);
    if (!outcome.cancelled) this.finishIndexAll(files, opts.paths);
    return outcome;
  }

  /**
   * Indexes these files in the order given (the editor passes open files first). Files the session already holds
   * are skipped unless `reindex`. Cancellation is checked between files; progress is reported at 0 and after each file.
   */
  async indexFiles(files: readonly string[], opts: IndexOptions = {}): Promise<IndexOutcome> {
    const every = opts.yieldEveryMs ?? 30;
    let lastYield = Date.now();
    const run = this.indexSteps(files, opts);
    for (let step = run.next(); ; step = run.next()) {
      if (step.done) return step.value;
      if (Date.now() - lastYield >= every) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
  }

  /** `indexFiles`, synchronously. */
  indexFilesSync(files: readonly string[], opts: IndexOptions = {}): IndexOutcome {
    const run = this.indexSteps(files, opts);
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
    }
  }

  /**
   * (Re-)indexes one file whose text changed (saved or not; `text` undefined: read it). Files whose keys were
   * resolved through it are indexed again too. Returns every file whose result may have changed.
   */
  updateFile(file: string, text?: string, opts: UpdateOptions = {}): string[] {
    const posix = toPosix(file);
    // With digests kept (skipUnchangedUpdates), the text the session already indexed changes nothing.
    if (text !== undefined && this.index.isCurrent(posix, text)) return [posix];
    const before = this.index.get(posix);
    const wasDeferred = this.index.isDeferred(posix);
    this.index.forgetParse(posix);
    this.index.examine(posix, { text, sourceFile: opts.sourceFile });
    // The parse handed over (typescript-eslint's, with ESLint's whole tree around it) must not outlive this update.
    if (this.options.retainModuleParses === false) this.index.forgetParse(posix);
    const after = this.index.get(posix);
    const again = this.reindexDependents(posix, before === undefined && !opts.onDiskBefore);
    // A file that holds no check, declaration or annotation, before or after, leaves the records as they are.
    if (again.length === 0 && wasDeferred && addsOnlyUsages(after)) this.usagesBehind = true;
    else if (again.length > 0 || contributes(before) || contributes(after)) this.changed();
    return [posix, ...again];
  }

  /** Drops a deleted file; files that resolved keys through it are indexed again. Returns the files affected. */
  removeFile(file: string): string[] {
    const posix = toPosix(file);
    this.index.delete(posix);
    this.listed?.delete(posix);
    if (this.listed) this.listedCount = this.listed.size;
    const changed = [posix, ...this.reindexDependents(posix, true)];
    this.changed();
    return changed;
  }

  /** Has `file` been indexed? */
  hasFile(file: string): boolean {
    return this.index.has(toPosix(file));
  }

  /** What the session knows about one indexed file. */
  fileResult(file: string): FileResult | undefined {
    return this.index.get(toPosix(file));
  }

  /** Indexed files (absolute, forward slashes). */
  indexedFiles(): string[] {
    return [...this.index.files()];
  }

  /** Number of indexed files. */
  get fileCount(): number {
    return this.index.size;
  }

  // ---- Sources --------------------------------------------------------------------------------------------------

  /** Loads every configured source (in parallel) and merges their states; `localOnly` re-reads flag files only. */
  async loadSources(opts: LoadSourcesOptions = {}): Promise<LoadedSources> {
    const loaded = await this.sources.load(opts, this.today, this.readFile);
    this.changed();
    return loaded;
  }

  /** No network, no waiting: flag files and the remote sources' disk caches. */
  loadSourcesSync(opts: Pick<LoadSourcesOptions, 'environment' | 'localOnly'> = {}): LoadedSources {
    const loaded = this.sources.loadSync(opts, this.readFile);
    this.changed();
    return loaded;
  }

  /** Source snapshots loaded elsewhere (one per configured source, in config order), merged by the same rule. */
  setSources(snapshots: readonly SourceSnapshot[]): LoadedSources {
    const loaded = this.sources.set(snapshots);
    this.changed();
    return loaded;
  }

  /** The last snapshots, in config order. */
  snapshots(): readonly SourceSnapshot[] {
    return this.sources.current;
  }

  /** The merged state of one flag, by its source key. */
  state(key: string): FlagState | undefined {
    return this.sources.states.get(key);
  }

  /** Every flag the sources know, merged, by source key. */
  states(): ReadonlyMap<string, FlagState> {
    return this.sources.states;
  }

  /** Absolute paths of the local flag files (flagd): their edits call for `loadSources({ localOnly: true })`. */
  localSourceFiles(): string[] {
    return this.sources.localFiles();
  }

  hasRemoteSources(): boolean {
    return this.sources.hasRemote();
  }

  // ---- Results --------------------------------------------------------------------------------------------------

  /**
   * One record per flag key, with status and reason, sorted by key: `buildRecords` over the whole index.
   * `warnBeforeExpiryDays` decides statuses with another expiry window (built once per window until a change).
   */
  records(opts: RecordOptions = {}): FlagRecord[] {
    this.completeIndex();
    return this.build(opts).records;
  }

  /**
   * One flag's record. With `deferParses`, its usages (and the reason and code-default winning value made from them)
   * count only the files parsed so far until `completeIndex()`; its status, expiry, owner, type and state are exact.
   */
  record(key: string, opts: RecordOptions = {}): FlagRecord | undefined {
    const kept = this.usagesBehind ? this.build(opts).byKey.get(key) : undefined;
    if (kept && kept.status !== 'unused') return kept;
    this.catchUp();
    return this.build(opts).byKey.get(key);
  }

  /**
   * What to run to remove a flag (`cleanupCommandFor` its record), its value to keep taken from the whole project.
   * A served value or "no single value" comes from the flag's state alone; only a code default (a disabled or
   * missing flag: it must be the one every check writes) needs every usage, so only then is the index completed.
   * Completing it parses every deferred file at once, which on a large project costs seconds and a heap spike.
   */
  cleanupCommand(key: string): string | undefined {
    const known = this.record(key);
    if (known && known.winner.kind !== 'code-default') return cleanupCommandFor(known);
    this.completeIndex();
    const record = this.record(key);
    return record ? cleanupCommandFor(record) : undefined;
  }

  /** The record a check belongs to (its key may be written in another form than the source's, e.g. camelCase); see `record`. */
  recordForCheck(check: Pick<FlagCheck, 'file' | 'range' | 'key' | 'keyForm'>, opts: RecordOptions = {}): FlagRecord | undefined {
    if (this.usagesBehind) {
      // A check of a file parsed since the build: its key as the build would have mapped it.
      const built = this.build(opts);
      const key = built.keyByCheck.get(`${check.file}\0${check.range.start}`) ?? (check.key === null ? null : built.toCanonical(check.key, check.keyForm));
      const kept = key === null ? undefined : built.byKey.get(key);
      if (kept && kept.status !== 'unused') return kept;
      this.catchUp();
    }
    const built = this.build(opts);
    const key = built.keyByCheck.get(`${check.file}\0${check.range.start}`) ?? check.key;
    return key === null ? undefined : built.byKey.get(key);
  }

  /**
   * Keys (as written) that carry a flag annotation somewhere in the project: a `@flag <key>` comment, or an
   * annotated declaration of the key.
   */
  annotatedKeys(): ReadonlySet<string> {
    return this.build().annotatedKeys;
  }

  /**
   * Parses the files `deferParses` left unparsed (a no-op without them): afterwards every record counts every usage.
   * `records()`, `dynamicChecks()`, `scanSummary()`, `problems()` and `deadRanges()` call it first.
   */
  completeIndex(): void {
    if (!this.options.deferParses) return;
    this.catchUp();
    const deferred = this.index.deferredFiles();
    if (deferred.length === 0) return;
    for (const file of deferred) {
      this.index.examine(file);
      if (this.options.retainModuleParses === false) this.index.forgetParse(file);
    }
    this.changed();
  }

  /** Checks whose key could not be resolved statically, in file order. */
  dynamicChecks(): FlagCheck[] {
    this.completeIndex();
    return checksInFileOrder(this.index.values()).filter((c) => c.key === null);
  }

  /** The whole index as `flagsweep scan` reports it. `files` is the size of the last listing. */
  scanSummary(): ScanSummary {
    this.completeIndex();
    return summarize(this.index.values(), this.listedCount);
  }

  /** Everything besides statuses a front end may show: skipped files, detection and source diagnostics, annotations. */
  problems(): SessionProblems {
    this.completeIndex();
    const results = [...this.index.values()];
    return {
      skipped: results.flatMap((r) => (r.skipped ? [r.skipped] : [])),
      scan: [...results].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).flatMap((r) => r.diagnostics),
      annotations: this.build().annotations,
      sources: this.sources.current.flatMap((s) => s.diagnostics),
      cache: this.cache?.warnings ?? this.cacheWarnings,
    };
  }

  /**
   * Code the cleanup would remove from `file` when `key` is kept at `value` (undefined: the code default every check
   * writes): the cleanup engine's own run on that file, so what an editor fades is what `flagsweep cleanup` removes.
   * Empty when the cleanup would refuse or change nothing. Remembered per file text, key and value.
   */
  deadRanges(file: string, key: string, value: unknown): Promise<DeadRange[]> {
    const posix = toPosix(file);
    this.completeIndex();
    const readFile = this.readFile ?? textReader(this.cfg.maxFileBytes);
    const text = readFile(posix);
    const result = this.index.get(posix);
    if (text === undefined || !result) return Promise.resolve([]);
    const memoKey = JSON.stringify([posix, key, value === undefined ? null : [value], text]);
    let hit = this.deadRangeMemo.get(memoKey);
    if (!hit) {
      if (this.deadRangeMemo.size >= 64) this.deadRangeMemo.delete(this.deadRangeMemo.keys().next().value!);
      const checks = result.checks.filter((c) => c.key !== null && (this.recordForCheck(c)?.key ?? c.key) === key).map((c) => c.range);
      // Loaded on first use: it loads TypeScript, which a scan from the cache never needs.
      const { deadRangesOf } = require('./dead-ranges') as typeof import('./dead-ranges');
      hit = deadRangesOf({ config: this.cfg, file: posix, text, key, value, checks, readFile });
      this.deadRangeMemo.set(memoKey, hit);
    }
    return hit;
  }

  // ---- Internals ------------------------------------------------------------------------------------------------

  private newIndex(): FileIndex {
    // With `openText`, files no editor holds are read from the disk by the index itself (and the scan cache applies).
    const own = this.options.openText && !this.options.readFile ? undefined : this.readFile;
    return new FileIndex(this.cfg, {
      readFile: own,
      compileCache: this.options.compileCache,
      cache: this.cache,
      digests: this.options.skipUnchangedUpdates === true,
      openText: this.options.readFile ? undefined : this.options.openText,
      detach: this.options.retainModuleParses === false,
      cacheReadOnly: this.options.reuseCache !== undefined,
      deferParses: this.options.deferParses === true,
    });
  }

  private *indexSteps(files: readonly string[], opts: IndexOptions): Generator<void, IndexOutcome> {
    const total = files.length;
    let indexed = 0;
    opts.onProgress?.(0, total);
    for (let i = 0; i < total; i++) {
      if (opts.signal?.aborted) {
        this.changed();
        return { total, indexed, cancelled: true };
      }
      const file = toPosix(files[i]);
      if (opts.reindex || !this.index.has(file)) {
        this.index.examine(file, { mayDefer: true });
        if (this.options.retainModuleParses === false) this.index.forgetParse(file);
        indexed++;
      }
      opts.onProgress?.(i + 1, total);
      yield;
    }
    this.changed();
    return { total, indexed, cancelled: false };
  }

  private noteListing(files: readonly string[]): void {
    this.listed = new Set(files);
    this.listedCount = files.length;
  }

  private openCache(): ScanCache | undefined {
    const customReader = this.options.readFile !== undefined;
    if (this.options.scanCache) return customReader ? undefined : this.options.scanCache;
    const opts = this.options.cache ?? this.options.reuseCache;
    return opts && !customReader ? ScanCache.open(this.cfg, opts) : undefined;
  }

  private beginCacheScan(files: readonly string[], paths: readonly string[] | undefined): void {
    this.cache?.beginScan(files, scopeOf(this.cfg, paths));
    this.listedCount = files.length;
  }

  private finishIndexAll(files: readonly string[], paths: readonly string[] | undefined): void {
    const whole = !paths || paths.length === 0;
    if (whole) {
      const keep = new Set(files);
      for (const f of [...this.index.files()]) if (!keep.has(f)) this.index.delete(f);
    }
    // Flag factories (Vercel `flag()`) teach the prefilter new names; files it ruled out are looked at again.
    if (this.index.patterns.definedFlagFunctions.size > 0) {
      const inRun = new Set(files);
      for (const f of this.index.prefilteredFiles()) if (inRun.has(f)) this.index.examine(f, { onlyIfRuledIn: true });
    }
    if (this.options.reuseCache && this.cache && whole) {
      this.cacheWarnings = this.cache.warnings;
      this.cache = undefined;
      this.index.releaseCache();
    } else if (!this.options.scanCache) {
      this.cache?.save();
    }
    this.changed();
  }

  /** Files that resolved keys through `file` (and, for a file that appeared or vanished, those with unresolved keys). */
  private reindexDependents(file: string, appearedOrVanished: boolean): string[] {
    const again = new Set(this.index.dependentsOf(file));
    if (appearedOrVanished) {
      for (const r of [...this.index.values()]) if (r.file !== file && r.checks.some((c) => c.key === null)) again.add(r.file);
    }
    for (const f of again) {
      this.index.forgetParse(f);
      this.index.examine(f);
      if (this.options.retainModuleParses === false) this.index.forgetParse(f);
    }
    return [...again];
  }

  private changed(): void {
    this.usagesBehind = false;
    this.built = undefined;
    this.builtByWindow.clear();
  }

  /** Records that count the usages of every file parsed so far. */
  private catchUp(): void {
    if (this.usagesBehind) this.changed();
  }

  private build(opts: RecordOptions = {}): Built {
    const window = opts.warnBeforeExpiryDays;
    if (window !== undefined && window !== this.cfg.lifecycle.warnBeforeExpiryDays) {
      let hit = this.builtByWindow.get(window);
      if (!hit) {
        hit = this.buildWith({ ...this.cfg.lifecycle, warnBeforeExpiryDays: window });
        this.builtByWindow.set(window, hit);
      }
      return hit;
    }
    this.built ??= this.buildWith(this.cfg.lifecycle);
    return this.built;
  }

  private buildWith(lifecycle: ResolvedConfig['lifecycle']): Built {
    // Rebuilt after every change (in a lint run, after each file that reads a flag): no copy of the whole index.
    const results: FileResult[] = [];
    for (const r of this.index.values()) if (r.parsed) results.push(r);
    results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const { declarations, annotations } = declarationsAndAnnotations(results);
    const records = buildRecords({
      checks: results.flatMap((r) => r.checks),
      declarations,
      annotations,
      states: this.sources.states,
      lifecycle,
      now: this.today,
      sourceLabel: sourceLabel(this.cfg),
    });
    const annotatedKeys = new Set<string>();
    for (const a of annotations) if (a.key !== undefined) annotatedKeys.add(a.key);
    for (const d of declarations) if (d.annotation) annotatedKeys.add(d.key);
    return {
      records,
      annotations,
      annotatedKeys,
      byKey: new Map(records.map((r) => [r.key, r])),
      toCanonical: canonicalKeys(this.sources.states.keys()),
      keyByCheck: new Map(records.flatMap((r) => r.usages.map((u) => [`${u.file}\0${u.range.start}`, r.key] as const))),
    };
  }
}

interface Built {
  records: FlagRecord[];
  /** A key as written in code → the source's key (`buildRecords`' own mapping). */
  toCanonical: (key: string, form?: 'as-is' | 'camelCase') => string;
  annotations: SessionProblems['annotations'];
  annotatedKeys: Set<string>;
  byKey: Map<string, FlagRecord>;
  keyByCheck: Map<string, string>;
}

/** A parsed file whose result changes the records only by its usages: no annotation, no key declaration. */
function addsOnlyUsages(result: FileResult | undefined): boolean {
  return result !== undefined && result.parsed && result.annotations.length === 0 && result.declarations.length === 0;
}

/** Does a file's result count in the records? */
function contributes(result: FileResult | undefined): boolean {
  return result !== undefined && result.parsed && (result.checks.length > 0 || result.declarations.length > 0 || result.annotations.length > 0);
}

/** Which cached files a run narrowed to `paths` covers (all of them when not narrowed). */
function scopeOf(config: ResolvedConfig, paths: readonly string[] | undefined): ((file: string) => boolean) | undefined {
  if (!paths || paths.length === 0) return undefined;
  const wanted = paths.map((p) => toPosix(path.resolve(config.root, p)));
  return (f) => wanted.some((w) => f === w || f.startsWith(w.endsWith('/') ? w : `${w}/`));
}

export type { Diagnostic };
