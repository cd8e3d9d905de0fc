import type { UnleashSourceConfig } from '../../config';
import type { Diagnostic, FlagState } from '../../model';
import { SourceError } from '../http/errors';
import { mapEach, RemoteSource, type Fetcher } from '../http/remote-source';
import { mapUnleashFeature, type UnleashFeature } from './map';

const CONCURRENCY = 4;

/** Unleash Admin API: the project's feature list, then each feature with its per-environment strategies. */
export class UnleashSource extends RemoteSource<UnleashSourceConfig> {
  readonly kind = 'unleash' as const;
  protected tokenKind = 'an Unleash Admin API token';
  private readonly url: string;

  constructor(cfg: UnleashSourceConfig, root: string) {
    super(`unleash:${cfg.environment}`, cfg, root);
    this.url = cfg.url.replace(/\/+$/, '');
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
    const list = (await fetcher.json(project)) as { features?: { name: string }[] };
    if (!list || !Array.isArray(list.features)) throw new SourceError(`unleash ${environment}: the feature list has no "features" array`, 'malformed');
    const features = await inParallel(list.features.map((f) => f.name), (name) => fetcher.json(`${project}/${encodeURIComponent(name)}`) as Promise<UnleashFeature>);
    if (features.length > 0 && !features.some((f) => f.environments?.some((e) => e.name === environment))) {
      const known = [...new Set(features.flatMap((f) => f.environments?.map((e) => e.name) ?? []))].join(', ');
      throw new SourceError(`unleash ${environment}: environment "${environment}" is not enabled in project "${this.cfg.project}" (it has: ${known}); check "environment" or --source-env`, 'config');
    }
    const { states, diagnostics } = mapEach(
      features,
      (f) => f?.name,
      (f) => mapUnleashFeature(f, environment, this.id, `${this.dashboardBaseUrl()}/features/${encodeURIComponent(f.name)}`),
      this.id,
      this.label(environment),
    );
    diagnostics.push(...(await this.addConstantSince(fetcher, environment, states)));
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
