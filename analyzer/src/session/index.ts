// The public API of @flagsweep/analyzer/session: the one project index the CLI, the ESLint plugin and the editor share.
import type { ResolvedConfig } from '../config/load';
import { ProjectSession } from './session';
import type { SessionOptions } from './types';

export { ProjectSession } from './session';
// What a front end needs around a session, without the rest of the package (cleanup, reports, sweep): a long-lived
// host (ESLint, the editor) keeps every module it loads, and each MB it keeps raises a long lint's peak RSS by several.
/** Find, read and validate the config a session is made for. */
export { findConfigFile, loadConfig, resolveConfig } from '../config/load';
/** Key forms (a source's `dark-mode` read as `darkMode`) and the key-naming policy, as `flagsweep check` applies it. */
export { camelCaseKey } from '../lifecycle/keys';
export { KEY_CASES, type KeyCase, type KeyPolicy } from '../config/schema';
export { KEY_VIOLATION_MESSAGES, keyViolations, violationData, type KeyViolation } from '../keys/naming';
export { catastrophicBacktracking } from '../keys/safe-regex';
export { sourceLabel } from './sources';
export { cleanupCommand, cleanupCommandFor } from './cleanup-command';
/** Where `flagsweep --cache` keeps the scan cache by default, relative to the config's root. */
export { DEFAULT_CACHE_LOCATION } from '../cache/scan-cache';
export type {
  CancelSignal,
  DeadRange,
  FileResult,
  IndexAllOptions,
  IndexOptions,
  IndexOutcome,
  LoadedSources,
  LoadSourcesOptions,
  ProgressListener,
  ReadFile,
  RecordOptions,
  ScanSummary,
  SessionOptions,
  SessionProblems,
  UpdateOptions,
} from './types';
export type { SkippedFile } from '../detect/scan';
export type { ResolvedConfig };

/** A session for one validated config; index it (`indexAll`) and load its sources (`loadSources`) before asking for records. */
export function createSession(options: SessionOptions): ProjectSession {
  return new ProjectSession(options);
}
