import type { UnleashSourceConfig } from '../../config';
import type { FlagState } from '../../model';
import { SourceError } from '../http/errors';
import { RemoteSource, type Fetcher } from '../http/remote-source';
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

  protected async fetchStates(fetcher: Fetcher, environment: string): Promise<{ states: FlagState[] }> {
    const project = `${this.url}/api/admin/projects/${encodeURIComponent(this.cfg.project)}/features`;
    const list = (await fetcher.json(project)) as { features?: { name: string }[] };
    if (!list || !Array.isArray(list.features)) throw new SourceError(`unleash ${environment}: the feature list has no "features" array`, 'malformed');
    const names = list.features.map((f) => f.name);
    const features: UnleashFeature[] = new Array(names.length);
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        features[i] = (await fetcher.json(`${project}/${encodeURIComponent(names[i])}`)) as UnleashFeature;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));
    if (features.length > 0 && !features.some((f) => f.environments?.some((e) => e.name === environment))) {
      const known = [...new Set(features.flatMap((f) => f.environments?.map((e) => e.name) ?? []))].join(', ');
      throw new SourceError(`unleash ${environment}: environment "${environment}" is not enabled in project "${this.cfg.project}" (it has: ${known}); check "environment" or --source-env`, 'config');
    }
    return {
      states: features.map((f) => mapUnleashFeature(f, environment, this.id, `${this.dashboardBaseUrl()}/features/${encodeURIComponent(f.name)}`)),
    };
  }
}
