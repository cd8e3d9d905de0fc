import type { ResolvedConfig } from '../config/load';
import { KeyResolver } from '../keys/resolve';
import { readFileFromDisk, type ReadFile } from '../keys/modules';
import { compilePatterns, type PatternSet } from './patterns';

/** Everything detection needs across files: the compiled patterns and a key resolver with its parse cache. */
export interface DetectContext {
  readonly config: ResolvedConfig;
  readonly patterns: PatternSet;
  readonly resolver: KeyResolver;
  readonly readFile: ReadFile;
  /** Forget cached parses of `file` (or of every file) after it changed on disk or in the editor. */
  invalidate(file?: string): void;
}

export interface DetectContextOptions {
  /** Supplies file text (the VS Code extension passes unsaved editor text); default reads from disk. */
  readFile?: ReadFile;
  /** Patterns already compiled (the scan compiles them for the prefilter before TypeScript is loaded). */
  patterns?: PatternSet;
}

export function createDetectContext(config: ResolvedConfig, opts: DetectContextOptions = {}): DetectContext {
  const patterns = opts.patterns ?? compilePatterns(config);
  const readFile = opts.readFile ?? readFileFromDisk;
  const resolver = new KeyResolver(patterns.aliases, readFile);
  return { config, patterns, resolver, readFile, invalidate: (file) => resolver.forget(file) };
}
