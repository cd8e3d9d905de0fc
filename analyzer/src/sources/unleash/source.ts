import type { UnleashSourceConfig } from '../../config';
import type { Diagnostic, FlagState } from '../../model';
import { SourceError } from '../http/errors';
import { parseServiceUrl, type ServiceUrl } from '../http/origin';
import { mapEach, RemoteSource, type Fetcher } from '../http/remote-source';
import { mapUnleashFeature, type UnleashFeature } from './map';

const CONCURRENCY = 4;

/** Unleash Admin API: the project's feature list, then each feature with its per-environment strategies. */
export class UnleashSource extends RemoteSource<UnleashSourceConfig> {
  readonly kind = 'unleash' as const;
  protected tokenKind = 'an Unleash Admin API token';
  private readonly url: string;
  protected readonly service: ServiceUrl;

  constructor(cfg: UnleashSourceConfig, root: string) {
    super(`unleash:${cfg.environment}`, cfg, root);
    this.service = parseServiceUrl(cfg.url, 'url', cfg.tokenEnv);
    this.url = this.service.display;
  }

  protected label(environment: string): string {
    return `unleash ${environment}`;
  }

  protected identity(environment: string): string {
    return JSON.stringify([this.url, this.cfg.project, environment]);
  }

  protected dashboardBaseUrl(): string {
    return `${this.url}/projects/${encodeURIComponent(this.cfg.project)}`;
  }

  protected httpSettings(_environment: string, token: string) {
    const env = `$${this.cfg.tokenEnv}`;
    return {
      headers: { Authorization: token },
      explain: {
        unauthorized: `the token in ${env} was rejected; set a valid Admin API token`,
        forbidden: `the token in ${env} may not read project "${this.cfg.project}"; use an Admin API token with access to it`,
        notFound: (p: string) => `${p} does not exist; check "url" (${this.url}) and "project" ("${this.cfg.project}")`,
      },
    };
  }

  protected async fetchStates(fetcher: Fetcher, environment: string): Promise<{ states: FlagState[]; diagnostics: Diagnostic[] }> {
    const project = `${this.url}/api/admin/projects/${encodeURIComponent(this.cfg.project)}/features`;
    const list = (await fetcher.json(project)) as { features?: unknown[] };
    if (!list || !Array.isArray(list.features)) throw new SourceError(`unleash ${environment}: the feature list has no "features" array`, 'malformed');
    // One odd item (null, no name) costs that item only, as docs/sources.md promises.
    const skipped: Diagnostic[] = [];
    const names: string[] = [];
    list.features.forEach((f, i) => {
      const name = (f as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && name !== '') names.push(name);
      else skipped.push({ severity: 'warning', where: this.id, message: `${this.label(environment)}: item #${i + 1} of the feature list (${describeItem(f)}) has no name; skipped` });
    });
    const features = await inParallel(names, (name) => fetcher.json(`${project}/${encodeURIComponent(name)}`) as Promise<UnleashFeature>);
    const environmentsOf = (f: UnleashFeature | null): string[] =>
      Array.isArray(f?.environments) ? f.environments.flatMap((e) => (typeof e?.name === 'string' ? [e.name] : [])) : [];
    if (features.length > 0 && !features.some((f) => environmentsOf(f).includes(environment))) {
      const known = [...new Set(features.flatMap(environmentsOf))].join(', ');
      throw new SourceError(`unleash ${environment}: environment "${environment}" is not enabled in project "${this.cfg.project}" (it has: ${known}); check "environment" or --source-env`, 'config');
    }
    const { states, diagnostics: mapped } = mapEach(
      features,
      (f) => f?.name,
      (f) => mapUnleashFeature(f, environment, this.id, `${this.dashboardBaseUrl()}/features/${encodeURIComponent(f.name)}`),
      this.id,
      this.label(environment),
    );
    const diagnostics = [...skipped, ...mapped, ...(await this.addConstantSince(fetcher, environment, states))];
    return { states, diagnostics };
  }

  /**
   * For flags that serve one value: since when, i.e. the time of the last change to the flag in this environment
   * (Unleash's event search), or its creation when it was never changed there.
   */
  private async addConstantSince(fetcher: Fetcher, environment: string, states: FlagState[]): Promise<Diagnostic[]> {
    const constant = states.filter((s) => s.winner.kind !== 'none');
    try {
      await inParallel(constant, async (state) => {
        const url = `${this.url}/api/admin/search/events?feature=${encodeURIComponent(`IS:${state.key}`)}&environment=${encodeURIComponent(`IS:${environment}`)}&limit=1`;
        const answer = (await fetcher.json(url)) as { events?: { createdAt?: string }[] };
        const since = answer?.events?.[0]?.createdAt ?? state.createdAt;
        if (since) state.constantSince = since;
      });
      return [];
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      for (const s of constant) delete s.constantSince;
      return [{ severity: 'info', where: this.id, message: `${e.message}; "constant since" dates left out` }];
    }
  }
}

/** A short picture of a malformed item for a warning: `null`, `a number`, `an object without "name"`. */
function describeItem(item: unknown): string {
  if (item === null) return 'null';
  if (Array.isArray(item)) return 'an array';
  if (typeof item === 'object') return 'an object without a string "name"';
  return `a ${typeof item}`;
}

/** Runs `task` over `items`, CONCURRENCY at a time, keeping the order of the results. */
async function inParallel<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
