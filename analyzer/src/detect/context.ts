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
}

export interface DetectContextOptions {
  /** Supplies file text (the VS Code extension passes unsaved editor text); default reads from disk. */
  readFile?: ReadFile;
}

export function createDetectContext(config: ResolvedConfig, opts: DetectContextOptions = {}): DetectContext {
  const patterns = compilePatterns(config);
  const readFile = opts.readFile ?? readFileFromDisk;
  return { config, patterns, resolver: new KeyResolver(patterns.aliases, readFile), readFile };
}
