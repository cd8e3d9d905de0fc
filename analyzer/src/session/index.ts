// The public API of @flagsweep/analyzer/session: the one project index the CLI, the ESLint plugin and the editor share.
import type { ResolvedConfig } from '../config/load';
import { ProjectSession } from './session';
import type { SessionOptions } from './types';

export { ProjectSession } from './session';
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
