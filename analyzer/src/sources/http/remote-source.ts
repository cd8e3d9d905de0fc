import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Diagnostic, FlagState } from '../../model';
import type { FlagSource, SourceKind, SourceLoadOptions, SourceSnapshot } from '../types';
import { DiskCache, type CachedSnapshot } from './cache';
import { redact, redactDeep, SourceError } from './errors';
import type { ServiceUrl } from './origin';
import { getJson, type HttpSettings } from './request';

export interface RemoteCommonConfig {
  environment: string;
  tokenEnv: string;
  timeoutMs: number;
  retries: number;
  cacheDir?: string;
  maxPages: number;
  maxResponseBytes: number;
  deadlineMs: number;
}

/** GETs JSON for a source, reusing cached bodies when the server answers 304 Not Modified. */
export class Fetcher {
  readonly responses: CachedSnapshot['responses'] = {};
  constructor(
    private readonly http: HttpSettings,
    private readonly previous: CachedSnapshot['responses'] = {},
  ) {}

  async json(url: string): Promise<unknown> {
    const known = this.previous[url];
    const answer = await getJson(url, this.http, known?.etag);
    const entry = answer.status === 304 && known ? known : answer.status === 200 ? { etag: answer.etag, body: answer.body } : undefined;
    if (!entry) throw new SourceError(`${this.http.label}: 304 Not Modified for a document never fetched (${url})`, 'malformed');
    this.responses[url] = entry;
    return entry.body;
  }
}

const MEMO_MS = 60_000;
/** Live answers of the last minute, shared by every source object of this process (the extension re-analyses often). */
const MEMO = new Map<string, { at: number; snapshot: SourceSnapshot }>();

/**
 * Shared behaviour of the network sources: token from `env`, timeouts/retries/ETags (request.ts), the last good
 * state on disk, and the fall-back to it (health 'cached') when the service can't be asked or can't answer.
 */
export abstract class RemoteSource<C extends RemoteCommonConfig> implements FlagSource {
  abstract readonly kind: Exclude<SourceKind, 'flagd'>;

  constructor(
    readonly id: string,
    protected readonly cfg: C,
    protected readonly root: string,
  ) {}

  /** "unleash production": how errors name this source. */
  protected abstract label(environment: string): string;
  /** Distinguishes cache files: everything that changes the data except the token. */
  protected abstract identity(environment: string): string;
  protected abstract httpSettings(environment: string, token: string): Pick<HttpSettings, 'headers' | 'explain'>;
  /** The configured service address (credentials stripped): its origin is the only one requests may go to. */
  protected abstract readonly service: ServiceUrl;
  /** The flags of one environment; `diagnostics` for parts that failed without spoiling the whole answer. */
  protected abstract fetchStates(fetcher: Fetcher, environment: string): Promise<{ states: FlagState[]; diagnostics?: Diagnostic[] }>;
  protected abstract dashboardBaseUrl(environment: string): string | undefined;
  /** What to set $tokenEnv to, for the "no token" message. */
  protected abstract tokenKind: string;

  async load(opts: SourceLoadOptions): Promise<SourceSnapshot> {
    const environment = opts.environment ?? this.cfg.environment;
    const token = opts.env[this.cfg.tokenEnv];
    const memo = opts.offline || opts.refresh || !token ? undefined : MEMO.get(this.memoKey(environment, token));
    if (memo && Date.now() - memo.at < MEMO_MS) return memo.snapshot;
    return this.refresh(opts);
  }

  /** The disk cache only, synchronously (the ESLint plugin): what `--offline` gives. */
  loadOfflineSync(opts: Pick<SourceLoadOptions, 'environment'>): SourceSnapshot {
    const environment = opts.environment ?? this.cfg.environment;
    return this.fallBack(environment, this.readCache(this.cache(environment)), `${this.label(environment)}: offline`, 'info', true);
  }

  async refresh(opts: SourceLoadOptions): Promise<SourceSnapshot> {
    const environment = opts.environment ?? this.cfg.environment;
    const label = this.label(environment);
    const cache = this.cache(environment);
    const cached = this.readCache(cache);
    const base = { id: this.id, kind: this.kind, dashboardBaseUrl: this.dashboardBaseUrl(environment) };
    const fallBack = (problem: string, severity: Diagnostic['severity'] = 'warning') => this.fallBack(environment, cached, problem, severity, opts.offline === true);

    if (opts.offline) return fallBack(`${label}: offline`, 'info');
    if (this.service.credentialsProblem) return fallBack(`${label}: ${this.service.credentialsProblem}`, 'error');
    const token = opts.env[this.cfg.tokenEnv];
    if (!token) return fallBack(`${label}: no token: set $${this.cfg.tokenEnv} to ${this.tokenKind}`);

    const deadline = AbortSignal.timeout(this.cfg.deadlineMs);
    const fetcher = new Fetcher(
      {
        label,
        timeoutMs: this.cfg.timeoutMs,
        retries: this.cfg.retries,
        fetch: opts.fetch ?? fetch,
        origin: this.service.origin,
        maxResponseBytes: this.cfg.maxResponseBytes,
        deadline: { signal: deadline, ms: this.cfg.deadlineMs },
        ...this.httpSettings(environment, token),
      },
      cached?.responses,
    );
    let states: FlagState[];
    const diagnostics: Diagnostic[] = [];
    try {
      const answer = await this.fetchStates(fetcher, environment);
      // A server may echo the token (in a description, say): it must not reach a report or the disk.
      states = redactDeep(answer.states, [token]);
      diagnostics.push(...(answer.diagnostics ?? []).map((d) => ({ ...d, message: redact(d.message, token) })));
    } catch (e) {
      const message = e instanceof SourceError ? e.message : `${label}: unexpected answer (${(e as Error).message})`;
      return fallBack(redact(message, token));
    }
    // The real time of the fetch, not the run's "today" (--now / FLAGSWEEP_NOW): "as of" must be true.
    const fetchedAt = new Date().toISOString();
    const failure = cache.write({ version: 1, sourceId: this.id, fetchedAt, states, responses: fetcher.responses }, (text) => redact(text, token));
    // A corrupt old cache was just replaced: only a cache that can't be written is worth a word.
    this.cacheProblems = [];
    if (failure) diagnostics.push(cacheWarning(this.id, label, cache, failure));
    const snapshot: SourceSnapshot = { ...base, states, health: 'ok', asOf: fetchedAt, diagnostics };
    MEMO.set(this.memoKey(environment, token), { at: Date.now(), snapshot });
    return snapshot;
  }

  /** Same cache file (service, project, environment, cache folder) and token: the same answer. The token is kept as a hash only. */
  private memoKey(environment: string, token: string): string {
    return `${this.cache(environment).file}\0${createHash('sha256').update(token).digest('hex')}`;
  }

  private cache(environment: string): DiskCache {
    return new DiskCache(path.resolve(this.root, this.cfg.cacheDir ?? '.flagsweep-cache'), this.kind, this.identity(environment));
  }

  /** Problems met reading the cache (corrupt, malformed states); reported once with the load that read it. */
  private cacheProblems: string[] = [];

  /** The cache's snapshot, or undefined; a corrupt or unusable cache is a warning, never a crash. */
  private readCache(cache: DiskCache): CachedSnapshot | undefined {
    const { snapshot, problems } = cache.read();
    this.cacheProblems = problems;
    return snapshot;
  }

  /** The last good state (health 'cached'), or nothing (health 'offline' / 'error'), with why. */
  private fallBack(environment: string, cached: CachedSnapshot | undefined, problem: string, severity: Diagnostic['severity'], offline: boolean): SourceSnapshot {
    const base = { id: this.id, kind: this.kind, dashboardBaseUrl: this.dashboardBaseUrl(environment) };
    const cache = this.cache(environment);
    const label = this.label(environment);
    const notes: Diagnostic[] = [
      ...(cache.unusable ? [cacheWarning(this.id, label, cache, cache.unusable)] : []),
      ...this.cacheProblems.splice(0).map((message) => ({ severity: 'warning' as const, where: this.id, message: `${label}: ${message}` })),
    ];
    if (!cached) {
      return { ...base, states: [], health: offline ? 'offline' : 'error', diagnostics: [{ severity, where: this.id, message: `${problem}; no cached state to fall back on` }, ...notes] };
    }
    const states = cached.states.map((s) => ({ ...s, fromCache: true, asOf: cached.fetchedAt }));
    return { ...base, states, health: 'cached', asOf: cached.fetchedAt, diagnostics: [{ severity, where: this.id, message: `${problem}; using the cached state as of ${cached.fetchedAt}` }, ...notes] };
  }
}

function cacheWarning(id: string, label: string, cache: DiskCache, why: string): Diagnostic {
  return { severity: 'warning', where: id, message: `${label}: cannot use the cache folder ${cache.dir} (${why}); "cacheDir"` };
}

/**
 * Maps every item, skipping (with a warning) the ones whose shape the mapper can't read, so one odd flag in a
 * vendor's answer doesn't cost the others.
 */
export function mapEach<T>(items: T[], name: (item: T) => unknown, map: (item: T) => FlagState, where: string, label: string): { states: FlagState[]; diagnostics: Diagnostic[] } {
  const states: FlagState[] = [];
  const diagnostics: Diagnostic[] = [];
  items.forEach((item, i) => {
    try {
      states.push(map(item));
    } catch (e) {
      const key = name(item);
      diagnostics.push({ severity: 'warning', where, message: `${label}: flag ${typeof key === 'string' ? JSON.stringify(key) : `#${i + 1}`} has an unexpected shape (${(e as Error).message}); skipped` });
    }
  });
  return { states, diagnostics };
}
