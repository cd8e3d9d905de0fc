import type { Diagnostic, FlagState } from '../model';

export type SourceKind = 'flagd' | 'unleash' | 'launchdarkly';

/** What a front end passes to a source. Sources never read process.env or the clock on their own. */
export interface SourceLoadOptions {
  /** Where tokens come from: the CLI passes process.env, the extension its SecretStorage values. */
  env: Record<string, string | undefined>;
  /** Use the disk cache (remote sources) or the file (flagd) only; no network. */
  offline?: boolean;
  /**
   * Ask the services even when this process fetched the same data less than a minute ago (what refresh() does).
   * Without it, load() reuses live answers of the last minute.
   */
  refresh?: boolean;
  /** Overrides the configured environment of remote sources (--source-env). */
  environment?: string;
  /** The run's "today" (--now / FLAGSWEEP_NOW). Cache fetch times always use the real clock. */
  now?: Date;
  /** Reads a file, returning unsaved editor text when there is some; undefined when the file doesn't exist. */
  readFile?: (absPath: string) => string | undefined;
  fetch?: typeof fetch;
}

/** Health of one source after a load: live data, last good data from the cache, no data, or failure. */
export type SourceHealth = 'ok' | 'cached' | 'offline' | 'error';

export interface SourceSnapshot {
  id: string;
  kind: SourceKind;
  states: FlagState[];
  health: SourceHealth;
  /** ISO fetch time of the data. */
  asOf?: string;
  diagnostics: Diagnostic[];
  dashboardBaseUrl?: string;
}

export interface FlagSource {
  readonly id: string;
  readonly kind: SourceKind;
  load(opts: SourceLoadOptions): Promise<SourceSnapshot>;
  /** Like load, but bypasses any in-memory cache and revalidates with the server. */
  refresh(opts: SourceLoadOptions): Promise<SourceSnapshot>;
  /** No network, synchronously: the flag file, or a remote source's disk cache (for the ESLint plugin). */
  loadOfflineSync(opts: Pick<SourceLoadOptions, 'readFile' | 'environment'>): SourceSnapshot;
}
