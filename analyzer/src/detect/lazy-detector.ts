import { loadTypeScriptWithCodeCache } from '../cache/compiler-code-cache';
import type { ResolvedConfig } from '../config/load';
import type { ReadFile } from '../keys/modules';
import type ts = require('typescript');
import type { DetectContext } from './context';
import type { FileDetection } from './detect-source';
import type { PatternSet } from './patterns';

export interface LazyDetection {
  detection: FileDetection;
  /** Other files whose source the key resolution read (a change there can change this file's keys). */
  deps: string[];
  /** Flag functions this file defined with a flag factory. */
  defines: string[];
}

/**
 * Parses and matches one file. TypeScript (and everything built on it) is loaded on the first call only: a scan
 * whose files the prefilter all rules out, or whose files all come from the scan cache, never loads the compiler
 * (about 0.3–0.5 s of a cold process).
 */
export class LazyDetector {
  private ctx?: DetectContext;
  private detectFile?: (file: string, text: string, ctx: DetectContext) => FileDetection;
  private detectInSourceFile?: (sf: ts.SourceFile, ctx: DetectContext) => FileDetection;
  private reads?: Set<string>;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly patterns: PatternSet,
    private readonly readFile?: ReadFile,
    /** Folder of the compiler's V8 code cache; undefined: none. */
    private readonly compileCache?: string,
  ) {}

  get loaded(): boolean {
    return this.ctx !== undefined;
  }

  /** Detection in one file; `sourceFile` is a parse of `text` the caller already holds (typescript-eslint's). */
  run(file: string, text: string, sourceFile?: ts.SourceFile): LazyDetection {
    const ctx = this.context();
    const reads = new Set<string>();
    const definedBefore = this.patterns.definedFlagFunctions.size;
    this.reads = reads;
    try {
      const detection = sourceFile ? this.detectInSourceFile!(sourceFile, ctx) : this.detectFile!(file, text, ctx);
      const defines = definedBefore === this.patterns.definedFlagFunctions.size ? [] : [...this.patterns.definedFlagFunctions].slice(definedBefore);
      reads.delete(file);
      return { detection, deps: [...reads].sort(), defines };
    } finally {
      this.reads = undefined;
    }
  }

  /** Forget what key resolution parsed of `file` (or of every file) after it changed. */
  invalidate(file?: string): void {
    this.ctx?.invalidate(file);
  }

  private context(): DetectContext {
    if (this.ctx) return this.ctx;
    if (this.compileCache) loadTypeScriptWithCodeCache(this.compileCache);
    // Required here, not imported at the top: these modules load TypeScript.
    const { createDetectContext } = require('./context') as typeof import('./context');
    this.detectFile = (require('./detect-file') as typeof import('./detect-file')).detectFile;
    this.detectInSourceFile = (require('./detect-source') as typeof import('./detect-source')).detectInSourceFile;
    const ctx = createDetectContext(this.config, { readFile: this.readFile, patterns: this.patterns });
    // Every file the key resolver reads for a check becomes a dependency of the file holding the check, even when
    // the resolver had parsed it before for another file.
    const resolver = ctx.resolver;
    const sourceOf = resolver.sourceOf.bind(resolver);
    resolver.sourceOf = (f: string) => {
      this.reads?.add(f);
      return sourceOf(f);
    };
    this.ctx = ctx;
    return ctx;
  }
}
