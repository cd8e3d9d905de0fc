import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../config/load';
import type { Diagnostic } from '../model';
import type { FileDetection } from '../detect/detect-source';
import type { ListingMemo, WalkedListing } from '../detect/files';
import { FileReadError, readRegularFile } from '../fs/read';
import { writeFileAtomically } from '../fs/write';
import { stableDigest, textDigest, toolVersion } from './digest';

/** Bumped when the layout of a cache file changes; older files are then ignored. */
const FORMAT = 5;

/** Default `--cache-location`, relative to the working folder (as ESLint and Prettier place theirs). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/flagsweep/';

/** A file's mtime within this much of the scan that cached it may change again unseen; it is checked by content next time. */
const RACY_MS = 2_000;
/** A 1M-line project's cache is ~1.2 MB: a file far past that is not one flagsweep wrote. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

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

interface Header {
  format: number;
  tool: string;
  config: string;
  node: string;
}

/** What a scan found in a file beyond its size, mtime, hash and line count (most files: nothing). */
interface Found {
  detection: FileDetection | null;
  defines: string[];
  deps: string[];
}

/**
 * A cache file (JSON). Per file, columns: most of a project's files hold nothing, and arrays of numbers and
 * strings are quick to read. Paths below the config's folder are written as `./…`.
 */
interface CacheFile extends Header {
  files: string[];
  size: number[];
  mtimeMs: number[];
  hash: string[];
  lines: number[];
  /** Indexes of files changed so close to the caching scan that the same size and mtime do not prove the same content. */
  racy: number[];
  /** By index: files where the scan found something (or parsed). */
  found: Record<string, Found>;
  /** size+mtime of every dependency file at the time its dependents were cached (null: absent). */
  deps: [string, Fingerprint | null][];
  /** tsconfig.json / jsconfig.json around parsed files: module resolution depends on them. */
  structure: [string, Fingerprint | null][];
  /** The last walk of the project, reused while none of its folders changed; a file of `files` is its index there. */
  listing?: StoredListing;
}

interface StoredListing {
  files: (string | number)[];
  links: string[];
  dirs: Record<string, number>;
}

/** The cache file as read: an index by path into its columns; entries are made when asked for. */
class Stored {
  readonly index = new Map<string, number>();
  /** The `files` column as absolute paths. */
  readonly absolute: string[] = [];
  private readonly racy: Set<number>;

  constructor(
    readonly data: CacheFile,
    prefix: string,
  ) {
    this.racy = new Set(data.racy);
    const files = data.files;
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const abs = absolute(f, prefix);
      this.absolute.push(abs);
      this.index.set(abs, i);
    }
  }

  static empty(header: Header): Stored {
    return new Stored({ ...header, files: [], size: [], mtimeMs: [], hash: [], lines: [], racy: [], found: {}, deps: [], structure: [] }, '');
  }

  entry(file: string): Entry | undefined {
    const i = this.index.get(file);
    if (i === undefined) return undefined;
    const d = this.data;
    const found = d.found[i];
    return {
      size: d.size[i],
      mtimeMs: d.mtimeMs[i],
      hash: d.hash[i],
      lines: d.lines[i],
      racy: this.isRacy(i),
      detection: found?.detection ?? null,
      defines: found?.defines ?? NONE,
      deps: found?.deps ?? NONE,
    };
  }

  isRacy(i: number): boolean {
    return this.racy.has(i);
  }
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
  private readonly previous: Stored;
  private readonly previousDeps: Map<string, Fingerprint | null>;
  private readonly previousStructure: Map<string, Fingerprint | null>;
  /** The next cache file: the previous one's entries minus `removed`, with `changed` over them. */
  private readonly changed = new Map<string, Entry>();
  private readonly removed = new Set<string>();
  private readonly nextDeps: Map<string, Fingerprint | null>;
  private readonly nextStructure: Map<string, Fingerprint | null>;
  /** 'as read': the previous file's listing, written back as it was. */
  private nextListing: WalkedListing | undefined | 'as read' = 'as read';
  private recalled: WalkedListing | undefined;
  private readonly header: Header;
  /** Folders whose tsconfig.json / jsconfig.json (and their parents') are as cached. */
  private readonly structureMemo = new Map<string, boolean>();
  private readonly statMemo = new Map<string, Fingerprint | null>();
  private listingChanged = false;
  private readonly startedMs = Date.now();
  private readonly rootPrefix: string;
  private dirty = false;
  /** Files reused from the cache and files scanned anew in this run, and walks of the project (for tests and the bench). */
  readonly stats = { reused: 0, scanned: 0, walks: 0 };

  private constructor(file: string, header: Header, previous: Stored | undefined, rootPrefix: string) {
    this.file = file;
    this.header = header;
    this.rootPrefix = rootPrefix;
    this.previous = previous ?? Stored.empty(header);
    this.previousDeps = new Map(this.previous.data.deps);
    this.previousStructure = new Map(this.previous.data.structure);
    this.nextDeps = new Map(this.previousDeps);
    this.nextStructure = new Map(this.previousStructure);
    if (!previous) this.dirty = true;
  }

  /** Opens the cache for this config; a missing, stale or unreadable cache starts empty. */
  static open(config: ResolvedConfig, opts: ScanCacheOptions): ScanCache {
    const header = { format: FORMAT, tool: opts.toolVersion ?? toolVersion(), config: stableDigest(configForDigest(config)), node: process.version };
    const file = path.join(opts.location, `scan-${createHash('sha256').update(config.configFile ?? config.root).digest('hex').slice(0, 16)}.json`);
    let previous: Stored | undefined;
    let warning: string | undefined;
    let raw: Buffer | undefined;
    try {
      // Never blocks on a FIFO put in its place, never reads a device or a file grown past any cache's size.
      raw = readRegularFile(file, { maxBytes: MAX_CACHE_BYTES });
    } catch (e) {
      if (!(e instanceof FileReadError) || !['ENOENT', 'ENOTDIR'].includes(e.code)) warning = `cannot read the scan cache (${e instanceof FileReadError ? e.reason : String(e)}); scanning without it`;
    }
    if (raw) {
      try {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        previous = validate(parsed, rootPrefix(config));
        // Another version of flagsweep wrote it in another format: as after a tool version change, it is rewritten quietly.
        const otherFormat = isRecord(parsed) && typeof parsed.format === 'number' && parsed.format !== FORMAT;
        if (!previous && !otherFormat) warning = 'the scan cache file is not one flagsweep wrote; it is ignored and rewritten';
      } catch {
        warning = 'the scan cache file is corrupt; it is ignored and rewritten';
      }
    }
    if (previous && (previous.data.tool !== header.tool || previous.data.config !== header.config || previous.data.node !== header.node)) previous = undefined;
    const cache = new ScanCache(file, header, previous, rootPrefix(config));
    if (warning) cache.warnings.push({ severity: 'warning', where: file, message: warning });
    return cache;
  }

  /** The project's walk, remembered across runs (see listSourceFiles). */
  get listingMemo(): ListingMemo {
    return {
      recall: () => (this.recalled ??= this.previous.data.listing && absoluteListing(this.previous, this.rootPrefix)),
      remember: (listing) => {
        this.stats.walks++;
        this.nextListing = listing;
        this.dirty = true;
      },
    };
  }

  /**
   * Before the files are looked at: the scan's file list (`inScope` says which cached files the scan covers, for
   * scans narrowed to some paths). Added, removed or renamed files may change how imports resolve.
   */
  beginScan(files: readonly string[], inScope: (file: string) => boolean = () => true): void {
    const listed = new Set(files);
    let inScopeCount = 0;
    for (const f of this.previous.index.keys()) {
      if (!inScope(f)) continue;
      inScopeCount++;
      if (!listed.has(f)) {
        this.listingChanged = true;
        this.removed.add(f);
        this.changed.delete(f);
        this.dirty = true;
      }
    }
    if (inScopeCount !== listed.size) this.listingChanged = true;
  }

  /**
   * The cached outcome of `file` if it is still valid, else undefined. `readText` is called only when size and
   * mtime alone cannot decide; the text it read comes back in `text` so the caller need not read again.
   */
  reuse(file: string, readText: () => string | undefined): { outcome?: FileOutcome; text?: string; read?: boolean } {
    const entry = this.previous.entry(file);
    if (!entry) return {};
    const now = this.stat(file);
    if (!now || now.size !== entry.size) return {};
    let text: string | undefined;
    if (now.mtimeMs !== entry.mtimeMs || entry.racy) {
      text = readText();
      if (text === undefined || textDigest(text) !== entry.hash) return { text, read: true };
      this.changed.set(file, { ...entry, mtimeMs: now.mtimeMs, racy: this.isRacy(now) });
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
    this.changed.set(file, { ...outcome, deps, size: now.size, mtimeMs: now.mtimeMs, hash: textDigest(text), racy: this.isRacy(now) });
    this.removed.delete(file);
    for (const dep of deps) this.nextDeps.set(dep, this.stat(dep));
    if (outcome.detection?.parsed) for (const config of this.structureFiles(file)) this.nextStructure.set(config, this.stat(config));
    this.dirty = true;
  }

  /** Drops what is cached for `file` (a crash while scanning it: it is tried again next time). */
  forget(file: string): void {
    this.changed.delete(file);
    if (this.previous.index.has(file)) this.removed.add(file);
    this.dirty = true;
  }

  /** Writes the cache if anything changed: temp file + rename, so readers never see half a file. */
  save(): void {
    if (!this.dirty) return;
    const failed = writeFileAtomically(this.file, JSON.stringify(this.nextFile()));
    if (failed) this.warnings.push({ severity: 'warning', where: this.file, message: `cannot write the scan cache (${failed})` });
  }

  /** The file `save` writes: the previous columns where nothing changed, new entries where something did. */
  private nextFile(): CacheFile {
    const prefix = this.rootPrefix;
    const rel = (p: string): string => relative(p, prefix);
    const out: CacheFile = { ...this.header, files: [], size: [], mtimeMs: [], hash: [], lines: [], racy: [], found: {}, deps: [], structure: [] };
    const used = new Set<string>();
    const add = (file: string, e: { size: number; mtimeMs: number; hash: string; lines: number; racy: boolean }, found: Found | undefined): void => {
      const i = out.files.length;
      out.files.push(file);
      out.size.push(e.size);
      out.mtimeMs.push(e.mtimeMs);
      out.hash.push(e.hash);
      out.lines.push(e.lines);
      if (e.racy) out.racy.push(i);
      if (found && (found.detection !== null || found.defines.length > 0 || found.deps.length > 0)) {
        out.found[i] = found;
        for (const d of found.deps) used.add(d);
      }
    };
    const old = this.previous.data;
    for (const [file, i] of this.previous.index) {
      if (this.removed.has(file) || this.changed.has(file)) continue;
      add(old.files[i], { size: old.size[i], mtimeMs: old.mtimeMs[i], hash: old.hash[i], lines: old.lines[i], racy: this.previous.isRacy(i) }, old.found[i]);
    }
    for (const [file, e] of this.changed) add(rel(file), e, { detection: e.detection, defines: e.defines, deps: e.deps });
    out.deps = [...this.nextDeps].filter(([d]) => used.has(d));
    out.structure = [...this.nextStructure];
    const listing = this.nextListing;
    const written = listing === 'as read' ? this.previous.data.listing && absoluteListing(this.previous, prefix) : listing;
    if (written) {
      const at = new Map(out.files.map((f, i) => [f, i]));
      out.listing = {
        files: written.files.map((f) => at.get(rel(f)) ?? rel(f)),
        links: written.links.map(rel),
        dirs: Object.fromEntries(Object.entries(written.dirs).map(([d, m]) => [rel(d), m])),
      };
    }
    return out;
  }

  private dependenciesUnchanged(file: string, entry: Entry): boolean {
    const parsed = entry.detection?.parsed === true;
    if (!parsed) return true;
    if (this.listingChanged) return false;
    for (const dep of entry.deps) if (!sameFingerprint(this.previousDeps.get(dep), this.stat(dep))) return false;
    return this.structureUnchanged(path.posix.dirname(file));
  }

  /** Are the tsconfig.json and jsconfig.json in `dir` and the folders above it as cached (where cached)? */
  private structureUnchanged(dir: string): boolean {
    const known = this.structureMemo.get(dir);
    if (known !== undefined) return known;
    let same = true;
    for (const config of [`${dir}/tsconfig.json`, `${dir}/jsconfig.json`]) {
      const cached = this.previousStructure.get(config);
      if (cached !== undefined && !sameFingerprint(cached, this.stat(config))) same = false;
    }
    const parent = path.posix.dirname(dir);
    if (same && parent !== dir) same = this.structureUnchanged(parent);
    this.structureMemo.set(dir, same);
    return same;
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

const NONE: string[] = Object.freeze([]) as unknown as string[];

function sameFingerprint(a: Fingerprint | null | undefined, b: Fingerprint | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}



/** The config as the scan sees it; where it was loaded from is part of it (relative globs resolve against it). */
function configForDigest(config: ResolvedConfig): unknown {
  return config;
}

/** `<root>/`: paths below it are written as `./…` (most of a cache file is paths). */
function rootPrefix(config: ResolvedConfig): string {
  return `${config.root.replace(/\\/g, '/').replace(/\/$/, '')}/`;
}

/** A path below the config's folder as the cache file writes it: `./src/a.ts`; others stay absolute. */
function relative(file: string, prefix: string): string {
  return file.startsWith(prefix) ? `./${file.slice(prefix.length)}` : file;
}

function absolute(file: string, prefix: string): string {
  return file.startsWith('./') ? prefix + file.slice(2) : file;
}

function absoluteListing(stored: Stored, prefix: string): WalkedListing {
  const listing = stored.data.listing!;
  const abs = (p: string): string => absolute(p, prefix);
  return {
    files: listing.files.map((f) => (typeof f === 'number' ? stored.absolute[f] : abs(f))),
    links: listing.links.map(abs),
    dirs: Object.fromEntries(Object.entries(listing.dirs).map(([d, m]) => [abs(d), m])),
  };
}

function validate(value: unknown, prefix: string): Stored | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<CacheFile>;
  if (v.format !== FORMAT || typeof v.tool !== 'string' || typeof v.config !== 'string' || typeof v.node !== 'string') return undefined;
  const n = Array.isArray(v.files) ? v.files.length : -1;
  if (!columnOf(v.files, n, 'string') || !columnOf(v.hash, n, 'string') || !columnOf(v.size, n, 'number') || !columnOf(v.mtimeMs, n, 'number') || !columnOf(v.lines, n, 'number')) return undefined;
  if (!columnOf(v.racy, v.racy?.length ?? -1, 'number') || !isRecord(v.found) || !isPairs(v.deps) || !isPairs(v.structure)) return undefined;
  for (const found of Object.values(v.found)) {
    const f = found as Partial<Found>;
    if (!isRecord(f) || !Array.isArray(f.deps) || !Array.isArray(f.defines)) return undefined;
    if (f.detection !== null && (!isRecord(f.detection) || !Array.isArray(f.detection.checks))) return undefined;
  }
  if (v.listing !== undefined && !isListing(v.listing, n)) return undefined;
  return new Stored(v as CacheFile, prefix);
}

function columnOf(v: unknown, length: number, type: 'string' | 'number'): boolean {
  if (!Array.isArray(v) || v.length !== length) return false;
  for (const x of v) if (typeof x !== type) return false;
  return true;
}

function isPairs(v: unknown): v is [string, unknown][] {
  return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string');
}

function isListing(v: unknown, files: number): v is StoredListing {
  const l = v as Partial<StoredListing>;
  const strings = (a: unknown): boolean => Array.isArray(a) && a.every((x) => typeof x === 'string');
  const fileRefs = Array.isArray(l.files) && l.files.every((x) => typeof x === 'string' || (Number.isInteger(x) && (x as number) >= 0 && (x as number) < files));
  return isRecord(l) && fileRefs && strings(l.links) && isRecord(l.dirs) && Object.values(l.dirs).every((m) => typeof m === 'number');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
