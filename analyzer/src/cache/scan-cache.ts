import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ResolvedConfig } from '../config/load';
import type { Diagnostic } from '../model';
import type { FileDetection } from '../detect/detect-source';
import { stableDigest, toolVersion } from './digest';

/** Bumped when the layout of a cache file changes; older files are then ignored. */
const FORMAT = 1;

/** Default `--cache-location`, relative to the working folder (as ESLint and Prettier place theirs). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/flagsweep/';

/** A file's mtime within this much of the scan that cached it may change again unseen; it is checked by content next time. */
const RACY_MS = 2_000;

export interface ScanCacheOptions {
  /** Folder of the cache files. */
  location: string;
  /** Defaults to the version in the analyzer's package.json. */
  toolVersion?: string;
}

/** What a scan learned from one file, as the cache keeps it. */
export interface FileOutcome {
  lines: number;
  /** Null: the prefilter ruled the file out (no parse). Else the detection, including a parse error's. */
  detection: FileDetection | null;
  /** Flag functions this file defined with a flag factory (they widen the prefilter for other files). */
  defines: string[];
  /** Other files whose declarations this file's keys were resolved through. */
  deps: string[];
}

interface Fingerprint {
  size: number;
  mtimeMs: number;
}

interface Entry extends Fingerprint, FileOutcome {
  hash: string;
  /** Changed so close to the caching scan that the same size and mtime do not prove the same content. */
  racy: boolean;
}

interface CacheFile {
  format: number;
  tool: string;
  config: string;
  node: string;
  entries: Record<string, Entry>;
  /** size+mtime of every dependency file at the time its dependents were cached (null: absent). */
  deps: Record<string, Fingerprint | null>;
  /** tsconfig.json / jsconfig.json around parsed files: module resolution depends on them. */
  structure: Record<string, Fingerprint | null>;
}

/**
 * The persistent scan cache (`--cache`): per file, what the scan found (checks, annotations, key declarations),
 * keyed by the tool version, a digest of the config and the file's size, mtime and content hash. A file whose size
 * and mtime are unchanged is not even read; one whose mtime changed but whose content did not is reused after a
 * hash. A file whose keys were resolved through other files is re-scanned when one of those changes, when files
 * were added or removed, or when a tsconfig around it changed. Flag state (flag files, servers) is never cached.
 *
 * Usage: `open` → for each file `reuse` (or scan it and `record`) → `save`. Never throws on a bad cache file: it
 * is ignored and `warnings` says why. Writes are atomic (temp file + rename), so two processes never leave a torn
 * file; the last one to finish wins.
 */
export class ScanCache {
  readonly file: string;
  readonly warnings: Diagnostic[] = [];
  private readonly previous: CacheFile;
  private readonly next: CacheFile;
  private readonly statMemo = new Map<string, Fingerprint | null>();
  private listingChanged = false;
  private readonly startedMs = Date.now();
  private dirty = false;
  /** Files reused from the cache and files scanned anew in this run (for tests and the bench). */
  readonly stats = { reused: 0, scanned: 0 };

  private constructor(file: string, header: Omit<CacheFile, 'entries' | 'deps' | 'structure'>, previous: CacheFile | undefined) {
    this.file = file;
    this.previous = previous ?? { ...header, entries: {}, deps: {}, structure: {} };
    this.next = { ...header, entries: { ...this.previous.entries }, deps: { ...this.previous.deps }, structure: { ...this.previous.structure } };
    if (!previous) this.dirty = true;
  }

  /** Opens the cache for this config; a missing, stale or unreadable cache starts empty. */
  static open(config: ResolvedConfig, opts: ScanCacheOptions): ScanCache {
    const header = { format: FORMAT, tool: opts.toolVersion ?? toolVersion(), config: stableDigest(configForDigest(config)), node: process.version };
    const file = path.join(opts.location, `scan-${createHash('sha256').update(config.configFile ?? config.root).digest('hex').slice(0, 16)}.bin`);
    let previous: CacheFile | undefined;
    let warning: string | undefined;
    let raw: Buffer | undefined;
    try {
      raw = fs.readFileSync(file);
    } catch (e) {
      if (!['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) warning = `cannot read the scan cache (${(e as NodeJS.ErrnoException).code ?? String(e)}); scanning without it`;
    }
    if (raw) {
      try {
        previous = validate(v8.deserialize(raw));
        if (!previous) warning = 'the scan cache file is not one flagsweep wrote; it is ignored and rewritten';
      } catch {
        warning = 'the scan cache file is corrupt; it is ignored and rewritten';
      }
    }
    if (previous && (previous.tool !== header.tool || previous.config !== header.config || previous.node !== header.node)) previous = undefined;
    const cache = new ScanCache(file, header, previous);
    if (warning) cache.warnings.push({ severity: 'warning', where: file, message: warning });
    return cache;
  }

  /**
   * Before the files are looked at: the scan's file list (`inScope` says which cached files the scan covers, for
   * scans narrowed to some paths). Added, removed or renamed files may change how imports resolve.
   */
  beginScan(files: readonly string[], inScope: (file: string) => boolean = () => true): void {
    const listed = new Set(files);
    const cached = Object.keys(this.previous.entries).filter(inScope);
    this.listingChanged = cached.length !== listed.size || cached.some((f) => !listed.has(f));
    for (const f of cached) {
      if (!listed.has(f)) {
        delete this.next.entries[f];
        this.dirty = true;
      }
    }
  }

  /**
   * The cached outcome of `file` if it is still valid, else undefined. `readText` is called only when size and
   * mtime alone cannot decide; the text it read comes back in `text` so the caller need not read again.
   */
  reuse(file: string, readText: () => string | undefined): { outcome?: FileOutcome; text?: string; read?: boolean } {
    const entry = this.previous.entries[file];
    if (!entry) return {};
    const now = this.stat(file);
    if (!now || now.size !== entry.size) return {};
    let text: string | undefined;
    if (now.mtimeMs !== entry.mtimeMs || entry.racy) {
      text = readText();
      if (text === undefined || hashText(text) !== entry.hash) return { text, read: true };
      this.next.entries[file] = { ...entry, mtimeMs: now.mtimeMs, racy: this.isRacy(now) };
      this.dirty = true;
    }
    if (!this.dependenciesUnchanged(file, entry)) return { text, read: text !== undefined };
    this.stats.reused++;
    return { outcome: entry, text };
  }

  /** Stores what a scan of `file` (whose content is `text`) found. */
  record(file: string, text: string, outcome: FileOutcome): void {
    this.stats.scanned++;
    const now = this.stat(file, true);
    if (!now) return;
    const deps = outcome.deps.filter((d) => d !== file);
    this.next.entries[file] = { ...outcome, deps, size: now.size, mtimeMs: now.mtimeMs, hash: hashText(text), racy: this.isRacy(now) };
    for (const dep of deps) this.next.deps[dep] = this.stat(dep);
    if (outcome.detection?.parsed) for (const config of this.structureFiles(file)) this.next.structure[config] = this.stat(config);
    this.dirty = true;
  }

  /** Drops what is cached for `file` (a crash while scanning it: it is tried again next time). */
  forget(file: string): void {
    if (this.next.entries[file]) {
      delete this.next.entries[file];
      this.dirty = true;
    }
  }

  /** Writes the cache if anything changed: temp file + rename, so readers never see half a file. */
  save(): void {
    if (!this.dirty) return;
    const used = new Set(Object.values(this.next.entries).flatMap((e) => e.deps));
    for (const dep of Object.keys(this.next.deps)) if (!used.has(dep)) delete this.next.deps[dep];
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, v8.serialize(this.next));
      fs.renameSync(tmp, this.file);
    } catch (e) {
      removeQuietly(tmp);
      this.warnings.push({ severity: 'warning', where: this.file, message: `cannot write the scan cache (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    }
  }

  private dependenciesUnchanged(file: string, entry: Entry): boolean {
    const parsed = entry.detection?.parsed === true;
    if (!parsed) return true;
    if (this.listingChanged) return false;
    for (const dep of entry.deps) if (!sameFingerprint(this.previous.deps[dep], this.stat(dep))) return false;
    for (const config of this.structureFiles(file)) {
      if (config in this.previous.structure && !sameFingerprint(this.previous.structure[config], this.stat(config))) return false;
    }
    return true;
  }

  /** tsconfig.json and jsconfig.json in the folders from `file` up to the filesystem root. */
  private structureFiles(file: string): string[] {
    const out: string[] = [];
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      out.push(`${dir}/tsconfig.json`, `${dir}/jsconfig.json`);
      if (path.posix.dirname(dir) === dir) return out;
    }
  }

  private stat(file: string, fresh = false): Fingerprint | null {
    if (!fresh && this.statMemo.has(file)) return this.statMemo.get(file)!;
    const st = fs.statSync(file, { throwIfNoEntry: false });
    const print = st && st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
    this.statMemo.set(file, print);
    return print;
  }

  private isRacy(print: Fingerprint): boolean {
    return print.mtimeMs >= this.startedMs - RACY_MS;
  }
}

function sameFingerprint(a: Fingerprint | null | undefined, b: Fingerprint | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the folder itself could not be made: nothing was written
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The config as the scan sees it; where it was loaded from is part of it (relative globs resolve against it). */
function configForDigest(config: ResolvedConfig): unknown {
  return config;
}

function validate(value: unknown): CacheFile | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<CacheFile>;
  if (v.format !== FORMAT || typeof v.tool !== 'string' || typeof v.config !== 'string' || typeof v.node !== 'string') return undefined;
  if (!isRecord(v.entries) || !isRecord(v.deps) || !isRecord(v.structure)) return undefined;
  for (const e of Object.values(v.entries)) {
    const entry = e as Partial<Entry>;
    if (!isRecord(entry) || typeof entry.size !== 'number' || typeof entry.mtimeMs !== 'number' || typeof entry.hash !== 'string' || typeof entry.lines !== 'number') return undefined;
    if (!Array.isArray(entry.deps) || !Array.isArray(entry.defines)) return undefined;
    if (entry.detection !== null && (!isRecord(entry.detection) || !Array.isArray(entry.detection.checks))) return undefined;
  }
  return v as CacheFile;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
