import * as path from 'node:path';
import {
  buildRecords,
  coversFile,
  createDetectContext,
  createSource,
  detectFile,
  listSourceFiles,
  loadConfig,
  mergeSnapshots,
  sourceLabel,
  type Diagnostic,
  type FlagAnnotation,
  type FlagCheck,
  type FlagRecord,
  type FlagSource,
  type FlagState,
  type KeyDeclaration,
  type ResolvedConfig,
  type SourceSnapshot,
} from '@flagsweep/analyzer';
import type { FolderProblems } from '../mapping/problems';

type DetectContext = ReturnType<typeof createDetectContext>;

export interface FolderIndexOptions {
  /** Workspace folder (absolute). */
  root: string;
  /** Explicit config file (setting `flagsweep.configFile`), absolute. */
  configFile?: string;
  /** Returns unsaved editor text when there is some, else the file on disk; undefined when absent. */
  readFile: (absPath: string) => string | undefined;
  now: Date;
}

export interface StateLoadOptions {
  /** Tokens (from SecretStorage); empty in Restricted Mode. */
  env: Record<string, string | undefined>;
  /** No network: local files and caches only (Restricted Mode, `flagsweep.offline`, local edits). */
  offline: boolean;
}

interface FileEntry {
  checks: FlagCheck[];
  declarations: KeyDeclaration[];
  annotations: FlagAnnotation[];
  diagnostics: Diagnostic[];
}

/**
 * Flag records of one workspace folder, kept up to date incrementally: the initial index scans every source
 * file once (yielding to the event loop between files), then a change re-scans only the changed file
 * (plus files whose keys it declares) and a flag-file edit re-reads only the local sources.
 */
export class FolderIndex {
  readonly config: ResolvedConfig;
  private ctx: DetectContext;
  private readonly files = new Map<string, FileEntry>();
  /** Every file the config covers (include/exclude/.gitignore), as listed at index time plus admitted new files. */
  private readonly listed = new Set<string>();
  private readonly sources: FlagSource[];
  private snapshots: SourceSnapshot[] = [];
  private states = new Map<string, FlagState>();
  private cachedRecords: FlagRecord[] | undefined;
  /** The annotations the cached records were built from (each once), for problems(). */
  private annotations: FlagAnnotation[] = [];
  private recordsByKey = new Map<string, FlagRecord>();
  /** Record key of each check (by file and offset): a camelCase hook member maps to its kebab-case source key. */
  private recordKeyByCheck = new Map<string, string>();
  private readonly options: FolderIndexOptions;
  indexed = false;

  constructor(options: FolderIndexOptions) {
    this.options = options;
    this.config = loadConfig(options.root, options.configFile);
    this.ctx = createDetectContext(this.config, { readFile: options.readFile });
    this.sources = this.config.sources.map((s) => createSource(s, this.config.root));
  }

  get root(): string {
    return this.config.root;
  }

  set now(value: Date) {
    this.options.now = value;
    this.cachedRecords = undefined;
  }

  /** Absolute paths of the local flag files (flagd), whose edits refresh state without the network. */
  localSourceFiles(): string[] {
    return this.config.sources.filter((s) => s.type === 'flagd').map((s) => path.resolve(this.config.root, (s as { path: string }).path));
  }

  hasRemoteSources(): boolean {
    return this.config.sources.some((s) => s.type !== 'flagd');
  }

  /**
   * Scans every source file, giving the event loop a turn every 30 ms (the extension host stays responsive and
   * hovers answer meanwhile). `onProgress` reports files done; `cancelled` stops the scan between files.
   */
  async indexAll(onProgress?: (done: number, total: number) => void, cancelled?: () => boolean): Promise<void> {
    const list = await listSourceFiles(this.config);
    for (const f of list) this.listed.add(f);
    // A file scanned first (indexFirst) that the full listing leaves out (.gitignore) goes again.
    for (const f of this.files.keys()) if (!this.listed.has(f)) this.files.delete(f);
    onProgress?.(0, list.length);
    if (cancelled?.()) return;
    let lastYield = Date.now();
    for (let i = 0; i < list.length; i++) {
      this.scan(list[i]);
      // Scanned trees are not kept: cross-file key lookups re-parse (and cache) only the modules they need.
      this.ctx.resolver.forget(list[i]);
      if (Date.now() - lastYield > 30) {
        onProgress?.(i + 1, list.length);
        await new Promise((r) => setImmediate(r));
        if (cancelled?.()) return;
        lastYield = Date.now();
      }
    }
    // Flag factories (Vercel `flag()`) teach the prefilter new names: files it skipped are looked at again, as scanProject does.
    if (this.ctx.patterns.definedFlagFunctions.size > 0) {
      for (const file of list) if (!this.files.has(file)) this.scan(file);
    }
    this.indexed = true;
    this.cachedRecords = undefined;
    onProgress?.(list.length, list.length);
  }

  /**
   * Scans the files in front of the person before the whole folder: hovers, problems and quick fixes for them come
   * from these files plus the flag source, while the background index fills in usages elsewhere.
   */
  indexFirst(files: { file: string; text: string }[]): void {
    for (const { file, text } of files) {
      const posix = file.replace(/\\/g, '/');
      if (coversFile(this.config, posix)) this.scan(posix, text);
    }
    this.cachedRecords = undefined;
  }

  private scan(file: string, text?: string): FileEntry | undefined {
    const body = text ?? this.options.readFile(file);
    if (body === undefined) {
      this.files.delete(file);
      return undefined;
    }
    const found = detectFile(file, body, this.ctx);
    const entry: FileEntry = {
      checks: found.checks,
      declarations: found.declarations,
      annotations: found.annotations,
      diagnostics: found.diagnostics,
    };
    if (entry.checks.length || entry.declarations.length || entry.annotations.length || entry.diagnostics.length) this.files.set(file, entry);
    else this.files.delete(file);
    return entry;
  }

  /** Is this file one the config scans? (Known files only: see `admit` for new ones.) */
  isSourceFile(file: string): boolean {
    return this.listed.has(file.replace(/\\/g, '/'));
  }

  /** A file created after indexing: asks the same file lister the scan uses whether the config covers it. */
  async admit(file: string): Promise<boolean> {
    const posix = file.replace(/\\/g, '/');
    if (this.listed.has(posix)) return true;
    if (!posix.startsWith(this.config.root.replace(/\\/g, '/') + '/')) return false;
    const found = await listSourceFiles(this.config, [posix]);
    if (!found.includes(posix)) return false;
    this.listed.add(posix);
    return true;
  }

  /** Re-scans one changed file (saved or not). Returns the files whose results changed. */
  updateFile(file: string, text?: string): string[] {
    const before = this.files.get(file);
    this.ctx.resolver.forget(file);
    const after = this.scan(file, text);
    const changed = [file];
    // Keys declared here may be imported elsewhere: files that resolved a key through an import re-scan too.
    const declaredBefore = JSON.stringify(before?.declarations.map((d) => [d.name, d.key]) ?? []);
    const declaredAfter = JSON.stringify(after?.declarations.map((d) => [d.name, d.key]) ?? []);
    if (declaredBefore !== declaredAfter) {
      for (const [other, entry] of this.files) {
        if (other !== file && entry.checks.some((c) => c.keyOrigin === 'import' || c.keyOrigin === 'object-member' || c.keyOrigin === 'enum')) {
          this.scan(other);
          this.ctx.resolver.forget(other);
          changed.push(other);
        }
      }
    }
    this.cachedRecords = undefined;
    return changed;
  }

  removeFile(file: string): void {
    this.files.delete(file);
    this.listed.delete(file);
    this.ctx.resolver.forget(file);
    this.cachedRecords = undefined;
  }

  /**
   * (Re)loads flag states. `localOnly` re-reads only flag files (flagd) and keeps the last remote snapshots:
   * that is what an edit of flags.flagd.json triggers, so typing never waits for the network.
   */
  async loadStates(opts: StateLoadOptions & { localOnly?: boolean; force?: boolean }): Promise<{ diagnostics: Diagnostic[]; snapshots: SourceSnapshot[] }> {
    const loadOpts = { env: opts.env, offline: opts.offline, now: this.options.now, readFile: this.options.readFile };
    const next = await Promise.all(
      this.sources.map((source, i) => {
        if (opts.localOnly && source.kind !== 'flagd' && this.snapshots[i]) return this.snapshots[i];
        return opts.force ? source.refresh(loadOpts) : source.load(loadOpts);
      }),
    );
    this.snapshots = next;
    this.states = mergeSnapshots(next);
    this.cachedRecords = undefined;
    return { diagnostics: next.flatMap((s) => s.diagnostics), snapshots: next };
  }

  /** Flag records: rebuilt (cheap, pure) after any change. */
  records(): FlagRecord[] {
    if (!this.cachedRecords) {
      const checks = [...this.files.values()].flatMap((e) => e.checks);
      const { declarations, annotations } = this.declarationsAndAnnotations();
      this.annotations = annotations;
      this.cachedRecords = buildRecords({
        checks,
        declarations,
        annotations,
        states: this.states,
        lifecycle: this.config.lifecycle,
        now: this.options.now,
        sourceLabel: sourceLabel(this.config),
      });
      this.recordsByKey = new Map(this.cachedRecords.map((r) => [r.key, r]));
      this.recordKeyByCheck = new Map(this.cachedRecords.flatMap((r) => r.usages.map((u) => [`${u.file}\0${u.range.start}`, r.key] as const)));
    }
    return this.cachedRecords;
  }

  record(key: string): FlagRecord | undefined {
    this.records();
    return this.recordsByKey.get(key);
  }

  /** The record a check belongs to (its key may be written in another form than the source's). */
  recordForCheck(check: Pick<FlagCheck, 'file' | 'range' | 'key'>): FlagRecord | undefined {
    this.records();
    const key = this.recordKeyByCheck.get(`${check.file}\0${check.range.start}`) ?? check.key;
    return key === null ? undefined : this.recordsByKey.get(key);
  }

  fileEntry(file: string): Readonly<FileEntry> | undefined {
    return this.files.get(file);
  }

  /** Problems found while scanning or loading (unparseable files, malformed annotations, unreachable sources). */
  scanDiagnostics(): Diagnostic[] {
    return [...this.files.values()].flatMap((e) => e.diagnostics);
  }

  /** What the Problems panel shows besides flag statuses: annotation, scan and flag-file problems. */
  problems(): FolderProblems {
    this.records();
    return {
      annotations: this.annotations,
      scan: this.scanDiagnostics(),
      sources: this.snapshots.flatMap((s) => s.diagnostics),
    };
  }

  /** A file's detection also reports declarations and annotations it followed into other files: each once, by place. */
  private declarationsAndAnnotations(): { declarations: KeyDeclaration[]; annotations: FlagAnnotation[] } {
    const decls = new Map<string, KeyDeclaration>();
    const notes = new Map<string, FlagAnnotation>();
    for (const entry of this.files.values()) {
      for (const d of entry.declarations) {
        decls.set(`${d.file}\0${d.range.start}`, d);
        if (d.annotation) notes.set(`${d.annotation.file}\0${d.annotation.range.start}`, d.annotation);
      }
      for (const a of entry.annotations) notes.set(`${a.file}\0${a.range.start}`, a);
    }
    return { declarations: [...decls.values()], annotations: [...notes.values()] };
  }

  /** Checks whose key could not be resolved statically. */
  dynamicChecks(): FlagCheck[] {
    return [...this.files.values()].flatMap((e) => e.checks.filter((c) => c.key === null));
  }

  state(key: string): FlagState | undefined {
    return this.states.get(key);
  }

  /** Number of files with flag checks, for logs. */
  get fileCount(): number {
    return this.files.size;
  }
}
