import * as path from 'node:path';
import type { ResolvedConfig } from '../config/load';
import { FileReadError, formatBytes, readTextFile } from '../fs';
import type { Diagnostic, FlagAnnotation, FlagCheck, KeyDeclaration } from '../model';
import type { ReadFile } from '../keys/modules';
import type { FileOutcome, ScanCache } from '../cache/scan-cache';
import type { FileDetection } from './detect-source';
import { listSourceFiles } from './files';
import { LazyDetector } from './lazy-detector';
import { compilePatterns } from './patterns';
import { mayContainFlagCheck } from './prefilter';

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
  // The prefilter needs only the patterns; TypeScript is loaded when the first file passes it.
  const patterns = compilePatterns(config);
  const detector = new LazyDetector(config, patterns, opts.readFile, opts.compileCache);
  const files = await listSourceFiles(config, opts.paths);
  const cache = opts.cache;
  cache?.beginScan(files, scopeOf(config, opts.paths));
  const result: ScanResult = { files: files.length, parsedFiles: 0, lines: 0, checks: [], declarations: [], annotations: [], skipped: [], diagnostics: [], durationMs: 0 };
  const declarations = new Map<string, KeyDeclaration>();
  const annotations = new Map<string, FlagAnnotation>();
  const detections = new Map<string, FileDetection>();
  const notParsed: string[] = [];

  // Synchronous reads are several times faster than fs.promises for many small files; the loop yields now and then.
  // One huge generated file must not cost the scan its memory or its minutes: it is listed, not parsed.
  const maxBytes = config.maxFileBytes;
  const read = (file: string): string | undefined => {
    if (opts.readFile) {
      const text = opts.readFile(file);
      if (text !== undefined && text.length > maxBytes) {
        result.skipped.push({ file, kind: 'too-large', reason: `${formatBytes(text.length)}, over the ${formatBytes(maxBytes)} limit ("maxFileBytes")` });
        return undefined;
      }
      return text;
    }
    try {
      return readTextFile(file, { maxBytes, limitSetting: 'maxFileBytes' });
    } catch (e) {
      const tooLarge = e instanceof FileReadError && e.code === 'EFBIG';
      const reason = e instanceof FileReadError ? e.reason : String(e);
      result.skipped.push({ file, kind: tooLarge ? 'too-large' : 'unreadable', reason: tooLarge ? reason : `cannot read file: ${reason}` });
      return undefined;
    }
  };
  /** What one file holds: the prefilter first (most files stop there), then a parse. Undefined: the matcher crashed. */
  const examine = (file: string, text: string): FileOutcome | undefined => {
    const lines = countLines(text);
    if (!mayContainFlagCheck(text, patterns)) return { lines, detection: null, defines: [], deps: [] };
    try {
      return { lines, ...detector.run(file, text) };
    } catch (e) {
      // A bug in a matcher must not cost the rest of the scan; the file is named so it can be reported.
      result.skipped.push({ file, kind: 'crashed', reason: `flagsweep could not scan this file: ${(e as Error).message}` });
      return undefined;
    }
  };
  const use = (file: string, outcome: FileOutcome): void => {
    const detection = outcome.detection;
    for (const name of outcome.defines) patterns.definedFlagFunctions.add(name);
    if (detection === null) notParsed.push(file);
    else if (detection.parsed) {
      result.parsedFiles++;
      detections.set(file, detection);
    } else if (detection.diagnostics.some((d) => d.severity === 'error')) {
      result.skipped.push({ file, kind: 'parse-error', reason: detection.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ') });
    } else notParsed.push(file);
  };

  for (let i = 0; i < files.length; i++) {
    if (i % 256 === 255) await new Promise<void>((resolve) => setImmediate(resolve));
    const file = files[i];
    let text: string | undefined;
    if (cache && !opts.readFile) {
      const hit = cache.reuse(file, () => read(file));
      if (hit.outcome) {
        result.lines += hit.outcome.lines;
        use(file, hit.outcome);
        opts.onProgress?.(i + 1, files.length);
        continue;
      }
      text = hit.text;
      // Read by the cache already (even if unreadable: its reason is recorded once).
      if (hit.read && text === undefined) {
        opts.onProgress?.(i + 1, files.length);
        continue;
      }
    }
    text ??= read(file);
    if (text !== undefined) {
      const outcome = examine(file, text);
      if (outcome) {
        result.lines += outcome.lines;
        use(file, outcome);
        if (cache && !opts.readFile) cache.record(file, text, outcome);
      } else {
        result.lines += countLines(text);
        cache?.forget(file);
      }
    }
    opts.onProgress?.(i + 1, files.length);
  }
  // Flag factories (Vercel `flag()`) teach the prefilter new names; files read before that are looked at again.
  if (patterns.definedFlagFunctions.size > 0) {
    for (const file of notParsed.splice(0)) {
      const text = read(file);
      if (text === undefined || !mayContainFlagCheck(text, patterns)) continue;
      const outcome = examine(file, text);
      if (!outcome) continue;
      use(file, outcome);
      if (cache && !opts.readFile) cache.record(file, text, outcome);
    }
  }

  for (const file of [...detections.keys()].sort()) {
    const d = detections.get(file)!;
    result.checks.push(...d.checks);
    result.diagnostics.push(...d.diagnostics);
    for (const decl of d.declarations) declarations.set(`${decl.file}\0${decl.range.start}`, decl);
    for (const a of d.annotations) annotations.set(`${a.file}\0${a.range.start}`, a);
    for (const decl of d.declarations) if (decl.annotation) annotations.set(`${decl.annotation.file}\0${decl.annotation.range.start}`, decl.annotation);
  }
  result.declarations = [...declarations.values()].sort(byPlace);
  result.annotations = [...annotations.values()].sort(byPlace);
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Which cached files a scan narrowed to `paths` covers (all of them when not narrowed). */
function scopeOf(config: ResolvedConfig, paths: string[] | undefined): ((file: string) => boolean) | undefined {
  if (!paths || paths.length === 0) return undefined;
  const wanted = paths.map((p) => path.resolve(config.root, p).replace(/\\/g, '/'));
  return (f) => wanted.some((w) => f === w || f.startsWith(w.endsWith('/') ? w : `${w}/`));
}

function byPlace(a: { file: string; range: { start: number } }, b: { file: string; range: { start: number } }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start;
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  let i = text.indexOf('\n');
  while (i !== -1) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return text.endsWith('\n') ? n - 1 : n;
}
