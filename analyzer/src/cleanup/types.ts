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
  /**
   * An editor's text of the files it holds open (undefined for the others), read before the disk. Every other file
   * is read from disk as without `readFile`: its snapshot is kept, and a file that is not UTF-8 is refused (an editor
   * opening it to apply the edits would save it re-encoded). Ignored when `readFile` is given.
   */
  openText?: (absPath: string) => string | undefined;
  /** Also remove the flag's definition from flagd files of `config.sources`. */
  removeDefinition?: boolean;
  /**
   * The project's source files (absolute, forward slashes) when the caller already listed them, e.g. the debt
   * report running one dry run per flag: skips listing the project again. Default: `listSourceFiles(config)`.
   */
  projectFiles?: readonly string[];
  /**
   * Type-check the changed files and their direct importers before and after the edits (the project's tsconfig,
   * in memory; syntax only where no tsconfig covers a file). A new diagnostic is an error of kind 'verification'.
   * Default: off (dry runs such as the debt report); the CLI turns it on.
   */
  verify?: boolean;
}

/** What the default reader saw when it read a file from disk: the writer refuses to replace a file that changed since. */
export interface ReadSnapshot {
  size: number;
  mtimeMs: number;
  /** sha256 of the bytes, hex. */
  sha256: string;
}

export interface FileChange {
  /** Absolute path, forward slashes. */
  file: string;
  before: string;
  after: string;
  /** Non-overlapping, sorted, offsets into `before`; applying them yields `after`. */
  edits: TextEdit[];
  linesRemoved: number;
  /** How the file was on disk when the cleanup read it; absent when a custom `readFile` supplied the text. */
  read?: ReadSnapshot;
}

/** A diagnostic the cleanup would add. Positions are 1-based, in the text after the cleanup. */
export interface VerificationDiagnostic {
  file: string;
  line: number;
  column: number;
  /** TypeScript's code (2741 for TS2741). */
  code: number;
  message: string;
}

export interface Verification {
  /** 'types': type-checked with a tsconfig; 'syntax': re-parsed only (no tsconfig covers the files); 'skipped': not asked. */
  mode: 'types' | 'syntax' | 'skipped';
  /** The tsconfig files used, absolute. */
  tsconfigs: string[];
  /** Diagnostics present after the cleanup and not before (compared as a multiset of file, code and message). */
  newDiagnostics: VerificationDiagnostic[];
  /** The files whose diagnostics were compared: the changed files, and the direct importers of those whose exports changed shape. */
  checkedFiles: string[];
  /** Changed files that no tsconfig covers: only re-parsed. */
  syntaxOnlyFiles: string[];
  durationMs: number;
}

export interface CleanupError {
  /**
   * 'needs-value': no value given and the checks' code defaults disagree; 'parse': a file (or the flagd file) did not
   * parse before the cleanup, or TypeScript could not parse a file at all (nested too deep), the type check's included; 'rewrite': a rewrite would not re-parse; 'unsettled': the simplification never reached a
   * fixpoint; 'read': a file could not be read or is not valid UTF-8; 'verification': the cleanup adds a diagnostic.
   */
  kind: 'needs-value' | 'rewrite' | 'parse' | 'unsettled' | 'read' | 'verification';
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
  /**
   * Changed test files that set the flag to another value than the one kept (`flags: { checkout: false }` cleaned with
   * `true`): those tests covered the removed branch; a reviewer should check what they expect. Informational.
   */
  testsToReview: LeftSite[];
  /** Errors mean: write nothing. */
  errors: CleanupError[];
  diagnostics: Diagnostic[];
  /** Set when `verify` was asked (mode 'skipped' otherwise). */
  verification: Verification;
  stats: {
    filesScanned: number;
    filesLoaded: number;
    checksFound: number;
    /** Declarations of the key found in code (constants, enum members, as-const members). */
    declarationsFound: number;
    checksCleaned: number;
    linesRemoved: number;
    durationMs: number;
  };
}

export type { LeftSite, TextEdit };
