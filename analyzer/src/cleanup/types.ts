import type { ResolvedConfig } from '../config/load';
import type { Diagnostic } from '../model';
import type { TextEdit } from './edits';
import type { LeftSite } from './context';

export type CleanupScope =
  | { kind: 'project'; paths?: string[] }
  | { kind: 'file'; file: string }
  /** One check: `offset` is any offset inside it (the editor's cursor). */
  | { kind: 'site'; file: string; offset: number };

export interface CleanupRequest {
  config: ResolvedConfig;
  key: string;
  /**
   * The final value every check of the flag returns. Undefined: the code default, when every check of the flag
   * writes the same literal default (else the result has a `needs-value` error).
   */
  value?: unknown;
  scope: CleanupScope;
  /** Text of a file (unsaved editor text); undefined when it does not exist. Default: read from disk. */
  readFile?: (absPath: string) => string | undefined;
  /** Also remove the flag's definition from flagd files of `config.sources`. */
  removeDefinition?: boolean;
  /**
   * The project's source files (absolute, forward slashes) when the caller already listed them, e.g. the debt
   * report running one dry run per flag: skips listing the project again. Default: `listSourceFiles(config)`.
   */
  projectFiles?: readonly string[];
}

export interface FileChange {
  /** Absolute path, forward slashes. */
  file: string;
  before: string;
  after: string;
  /** Non-overlapping, sorted, offsets into `before`; applying them yields `after`. */
  edits: TextEdit[];
  linesRemoved: number;
}

export interface CleanupError {
  /** 'needs-value': no value given and the checks' code defaults disagree; 'rewrite': a file would not re-parse. */
  kind: 'needs-value' | 'rewrite' | 'parse' | 'read';
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface CleanupResult {
  key: string;
  /** The value used (given, or the common code default). */
  value: unknown;
  files: FileChange[];
  leftForHuman: LeftSite[];
  /** Errors mean: write nothing. */
  errors: CleanupError[];
  diagnostics: Diagnostic[];
  stats: { filesScanned: number; filesLoaded: number; checksFound: number; checksCleaned: number; linesRemoved: number; durationMs: number };
}

export type { LeftSite, TextEdit };
