import { textDigest } from '../cache/digest';
import type ts = require('typescript');
import type { FileOutcome, ScanCache } from '../cache/scan-cache';
import type { ResolvedConfig } from '../config/load';
import { LazyDetector } from '../detect/lazy-detector';
import { compilePatterns, type PatternSet } from '../detect/patterns';
import { mayAffectOtherFiles, mayContainFlagCheck } from '../detect/prefilter';
import type { SkippedFile } from '../detect/scan';
import { countLines, readSource, textReader } from './read';
import type { FileResult, ReadFile } from './types';

/** A file's result plus what only the index needs: was it ruled out by the prefilter (a flag factory may rule it in). */
interface Entry extends FileResult {
  prefiltered: boolean;
  /** Its parse was left for later (`deferParses`): the result holds no finding yet. */
  deferred?: boolean;
  /** Digest of the text the result was computed from (undefined: taken from the scan cache). */
  hash?: string;
}

/** What `examine` may be handed instead of reading the file itself. */
export interface Given {
  text?: string;
  sourceFile?: ts.SourceFile;
  /** Look again (not from the scan cache) only if the prefilter, widened since by a flag factory, now rules the file in. */
  onlyIfRuledIn?: boolean;
  /** Indexing the project (not an update): with `deferParses`, the parse of a file that only holds checks may wait. */
  mayDefer?: boolean;
}

/** How an index reads, remembers and caches (see SessionOptions, whose settings these are). */
export interface FileIndexOptions {
  readFile?: ReadFile;
  compileCache?: string;
  /** The scan cache, used for files read from disk only. */
  cache?: ScanCache;
  /** Keep a digest of each examined text (see `isCurrent`). */
  digests?: boolean;
  /** Texts open in an editor: they win over the disk and the cache; other files are read from the disk. */
  openText?: ReadFile;
  /** Copy results out of the text they were found in (see `detached`): a long-lived index keeps no file's text. */
  detach?: boolean;
  /** Only read the scan cache: what this index finds is not recorded in it. */
  cacheReadOnly?: boolean;
  /** Leave the parse of files that add only their own checks for later (see SessionOptions.deferParses). */
  deferParses?: boolean;
}

/**
 * Per-file detection with crash isolation: each file's text is prefiltered, then parsed and matched; a file that
 * cannot be read, does not parse or makes a matcher throw becomes a skipped file with its reason, never an error of
 * the whole index. Entries are kept in the order files were (last) examined.
 */
export class FileIndex {
  readonly patterns: PatternSet;
  private readonly detector: LazyDetector;
  private readonly entries = new Map<string, Entry>();
  /** File -> the files whose key resolution read it, in the order they were (last) examined, as `entries`. */
  private readonly dependents = new Map<string, Set<string>>();

  private readonly readFile: ReadFile | undefined;
  private cache: ScanCache | undefined;
  private readonly digests: boolean;
  private readonly openText: ReadFile | undefined;
  private readonly detach: boolean;
  private readonly cacheReadOnly: boolean;
  private readonly deferParses: boolean;

  constructor(
    readonly config: ResolvedConfig,
    options: FileIndexOptions = {},
  ) {
    this.readFile = options.readFile;
    this.cache = options.cache;
    this.digests = options.digests === true;
    this.openText = options.openText;
    this.detach = options.detach === true;
    this.cacheReadOnly = options.cacheReadOnly === true;
    this.deferParses = options.deferParses === true;
    // The prefilter needs only the patterns; TypeScript is loaded when the first file passes it.
    this.patterns = compilePatterns(config);
    const resolveReader = this.openText && !this.readFile ? textReader(config.maxFileBytes, this.openText) : this.readFile;
    this.detector = new LazyDetector(config, this.patterns, resolveReader, options.compileCache);
  }

  get(file: string): FileResult | undefined {
    return this.entries.get(file);
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  files(): IterableIterator<string> {
    return this.entries.keys();
  }

  values(): IterableIterator<FileResult> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  delete(file: string): boolean {
    this.detector.invalidate(file);
    this.unlinkDependencies(this.entries.get(file));
    return this.entries.delete(file);
  }

  clear(): void {
    this.entries.clear();
    this.dependents.clear();
    this.detector.invalidate();
  }

  /** Was `file` last examined from exactly this text (digests kept)? Then examining it again would give the same result. */
  isCurrent(file: string, text: string): boolean {
    const entry = this.entries.get(file);
    if (!entry || !this.digests || entry.deferred) return false;
    // Most files hold no token: one the prefilter ruled out and still rules out differs at most in its line count.
    if (entry.hash === undefined) return entry.prefiltered && entry.lines === countLines(text) && !mayContainFlagCheck(text, this.patterns);
    return entry.hash === textDigest(text);
  }

  /** From now on, files come from their text only (a read-only cache is let go once the project is indexed). */
  releaseCache(): void {
    this.cache = undefined;
  }

  /** Forget what key resolution parsed of `file` (a long-lived index keeps only what it must). */
  forgetParse(file: string): void {
    this.detector.invalidate(file);
  }

  /** Was the parse of `file` left for later (`deferParses`)? */
  isDeferred(file: string): boolean {
    return this.entries.get(file)?.deferred === true;
  }

  /** Files whose parse was left for later (`deferParses`). */
  deferredFiles(): string[] {
    return [...this.entries.values()].filter((e) => e.deferred).map((e) => e.file);
  }

  /** Files the prefilter ruled out: a flag factory found later may rule them in. */
  prefilteredFiles(): string[] {
    return [...this.entries.values()].filter((e) => e.prefiltered).map((e) => e.file);
  }

  /** Files whose key resolution read `file`. */
  dependentsOf(file: string): string[] {
    return [...(this.dependents.get(file) ?? [])].filter((f) => f !== file);
  }

  /**
   * (Re-)examines one file: its text from `given`, the scan cache or the reader. Returns false when the file is
   * absent (a custom reader returned nothing): it is then dropped from the index.
   */
  examine(file: string, given: Given = {}): boolean {
    if (given.text === undefined && this.openText) {
      const open = this.openText(file);
      if (open !== undefined) given = { ...given, text: open };
    }
    const useCache = this.cache && !this.readFile && given.text === undefined;
    const reuse = useCache && !given.onlyIfRuledIn;
    let text = given.text;
    let read = text !== undefined;
    let skipped: SkippedFile | undefined;
    const readNow = (): string | undefined => {
      read = true;
      const outcome = readSource(file, this.config.maxFileBytes, this.readFile);
      if (outcome && 'skipped' in outcome) skipped = outcome.skipped;
      return outcome && 'text' in outcome ? outcome.text : undefined;
    };
    if (reuse) {
      const hit = this.cache!.reuse(file, readNow);
      // The cache keeps the digest of the text it saw, `textDigest`: an update with that text changes nothing.
      if (hit.outcome) return this.store(file, hit.outcome, this.digests ? digestOf(hit.outcome) : undefined);
      text = hit.text;
    }
    if (text === undefined && !read) text = readNow();
    if (given.onlyIfRuledIn && text === undefined) return this.has(file);
    if (text === undefined) {
      if (!skipped) return this.drop(file);
      return this.set({ ...emptyResult(file), skipped }, false);
    }
    // Once per text: indexing a project runs it on every file.
    const ruledIn = mayContainFlagCheck(text, this.patterns);
    if (given.onlyIfRuledIn && !ruledIn) return this.has(file);
    if (ruledIn && given.mayDefer && this.mayDefer(!!useCache, text)) {
      return this.set({ ...emptyResult(file), lines: countLines(text) }, false, undefined, true);
    }
    let outcome: FileOutcome;
    try {
      outcome = this.detect(file, text, given.sourceFile, ruledIn);
    } catch (e) {
      // A bug in a matcher must not cost the rest of the index; the file is named so it can be reported.
      if (!this.cacheReadOnly) this.cache?.forget(file);
      const reason = `flagsweep could not scan this file: ${(e as Error).message}`;
      return this.set({ ...emptyResult(file), lines: countLines(text), skipped: { file, kind: 'crashed', reason } }, false, this.digests ? textDigest(text) : undefined);
    }
    if (useCache && !this.cacheReadOnly) this.cache!.record(file, text, outcome);
    // A file the prefilter ruled out needs no digest: `isCurrent` asks the prefilter again.
    const hash = this.digests && outcome.detection !== null ? textDigest(text) : undefined;
    return this.store(file, this.detach ? detached(outcome) : outcome, hash);
  }

  /**
   * May this file's parse wait? Only with `deferParses`, never when a writable scan cache must record what it holds,
   * and only for a file (one that passes the prefilter) that can hold nothing that changes other files' results.
   */
  private mayDefer(fromDisk: boolean, text: string): boolean {
    if (!this.deferParses || (fromDisk && !this.cacheReadOnly)) return false;
    return !mayAffectOtherFiles(text, this.patterns);
  }

  /** `ruledIn`: the prefilter's verdict on this text. */
  private detect(file: string, text: string, sourceFile: ts.SourceFile | undefined, ruledIn: boolean): FileOutcome {
    const lines = countLines(text);
    if (!ruledIn) return { lines, detection: null, defines: [], deps: [] };
    return { lines, ...this.detector.run(file, text, usableParse(sourceFile, text)) };
  }

  private store(file: string, outcome: FileOutcome, hash?: string): boolean {
    for (const name of outcome.defines) this.patterns.definedFlagFunctions.add(name);
    const d = outcome.detection;
    const result: FileResult = emptyResult(file);
    result.lines = outcome.lines;
    result.dependsOn = outcome.deps;
    if (d === null) return this.set(result, true, hash);
    if (d.parsed) return this.set({ ...result, parsed: true, checks: d.checks, declarations: d.declarations, annotations: d.annotations, diagnostics: d.diagnostics }, false, hash);
    if (d.diagnostics.some((x) => x.severity === 'error')) {
      const reason = d.diagnostics.map((x) => `${x.line}:${x.column} ${x.message}`).join('; ');
      return this.set({ ...result, diagnostics: d.diagnostics, skipped: { file, kind: 'parse-error', reason } }, false, hash);
    }
    return this.set(result, true, hash);
  }

  private set(result: FileResult, prefiltered: boolean, hash?: string, deferred = false): boolean {
    // Re-set at the end: entries keep the order files were examined in (skipped files are reported in that order).
    this.unlinkDependencies(this.entries.get(result.file));
    this.entries.delete(result.file);
    const entry = result as Entry;
    entry.prefiltered = prefiltered;
    if (hash !== undefined) entry.hash = hash;
    if (deferred) entry.deferred = true;
    this.entries.set(result.file, entry);
    for (const dep of entry.dependsOn) {
      let files = this.dependents.get(dep);
      if (!files) this.dependents.set(dep, (files = new Set()));
      files.add(entry.file);
    }
    return true;
  }

  private drop(file: string): boolean {
    this.unlinkDependencies(this.entries.get(file));
    this.entries.delete(file);
    return false;
  }

  private unlinkDependencies(entry: Entry | undefined): void {
    for (const dep of entry?.dependsOn ?? []) {
      const files = this.dependents.get(dep);
      files?.delete(entry!.file);
      if (files?.size === 0) this.dependents.delete(dep);
    }
  }
}

function digestOf(outcome: FileOutcome): string | undefined {
  const hash = (outcome as { hash?: unknown }).hash;
  return typeof hash === 'string' ? hash : undefined;
}


/**
 * A parse the caller handed over (typescript-eslint's) is used only if it is a SourceFile of this very text made by
 * the TypeScript copy the matcher uses: another copy numbers its SyntaxKinds differently. Otherwise: parse again.
 */
function usableParse(sourceFile: ts.SourceFile | undefined, text: string): ts.SourceFile | undefined {
  if (!sourceFile || sourceFile.text !== text) return undefined;
  // Loaded already: the matcher that is about to run needs it.
  const { SyntaxKind } = require('typescript') as typeof ts;
  return sourceFile.kind === SyntaxKind.SourceFile ? sourceFile : undefined;
}

/**
 * The outcome with every string copied out of the file's text. A key, a name or a comment that detection cut from the
 * text is a V8 sliced string holding on to the whole text: a long-lived index would keep the text of every file with a
 * flag in it (about 1 MB on the 1M-line corpus, and each MB a long lint keeps costs it several in peak RSS).
 */
function detached(outcome: FileOutcome): FileOutcome {
  return outcome.detection === null ? outcome : { ...outcome, detection: structuredClone(outcome.detection) };
}

/** Shared by the many files that hold nothing (a project's files mostly do): never written to. */
const NONE = Object.freeze([]) as unknown as never[];

/** A fresh result object (`set` completes it in place), with no findings. */
function emptyResult(file: string): FileResult {
  return { file, lines: 0, parsed: false, checks: NONE, declarations: NONE, annotations: NONE, diagnostics: NONE, dependsOn: NONE };
}
