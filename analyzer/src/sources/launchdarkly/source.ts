import type { LaunchDarklySourceConfig } from '../../config';
import type { Diagnostic, FlagState } from '../../model';
import { SourceError } from '../http/errors';
import { mapEach, RemoteSource, type Fetcher } from '../http/remote-source';
import { mapLdFlag, type LdFlag, type LdFlagStatus } from './map';

interface LdPage<T> {
  items?: T[];
  _links?: { next?: { href?: string } };
}

/** LaunchDarkly REST API v2: the project's flags with one environment's targeting, plus flag statuses when available. */
export class LaunchDarklySource extends RemoteSource<LaunchDarklySourceConfig> {
  readonly kind = 'launchdarkly' as const;
  protected tokenKind = 'a LaunchDarkly API access token (reader role)';
  private readonly baseUrl: string;

  constructor(cfg: LaunchDarklySourceConfig, root: string) {
    super(`launchdarkly:${cfg.environment}`, cfg, root);
    this.baseUrl = cfg.baseUrl.replace(/\/+$/, '');
  }

  protected label(environment: string): string {
    return `launchdarkly ${environment}`;
  }

  protected identity(environment: string): string {
    return JSON.stringify([this.baseUrl, this.cfg.project, environment]);
  }

  protected dashboardBaseUrl(environment: string): string {
    return `${this.baseUrl}/${encodeURIComponent(this.cfg.project)}/${encodeURIComponent(environment)}/features`;
  }

  protected httpSettings(environment: string, token: string) {
    const env = `$${this.cfg.tokenEnv}`;
    return {
      headers: { Authorization: token, 'LD-API-Version': '20240415' },
      explain: {
        unauthorized: `the token in ${env} was rejected; set a valid LaunchDarkly API access token`,
        forbidden: `the token in ${env} may not read project "${this.cfg.project}" / environment "${environment}"; use an access token with at least the reader role`,
        notFound: (p: string) => `${p} does not exist; check "project" ("${this.cfg.project}"), "environment" ("${environment}") and "baseUrl" (${this.baseUrl})`,
      },
    };
  }

  protected async fetchStates(fetcher: Fetcher, environment: string): Promise<{ states: FlagState[]; diagnostics: Diagnostic[] }> {
    const project = encodeURIComponent(this.cfg.project);
    const flags = await this.allPages<LdFlag>(fetcher, `/api/v2/flags/${project}?env=${encodeURIComponent(environment)}&summary=0`, 'flag list');
    if (flags.length > 0 && !flags.some((f) => f.environments && environment in f.environments)) {
      throw new SourceError(`launchdarkly ${environment}: no environment "${environment}" in project "${this.cfg.project}"; check "environment" or --source-env`, 'config');
    }
    const diagnostics: Diagnostic[] = [];
    const statuses = new Map<string, LdFlagStatus>();
    try {
      for (const s of await this.allPages<LdFlagStatus>(fetcher, `/api/v2/flag-statuses/${project}/${encodeURIComponent(environment)}`, 'flag statuses')) {
        const key = s._links?.parent?.href?.split('/').pop();
        if (key) statuses.set(decodeURIComponent(key), s);
      }
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      diagnostics.push({ severity: 'info', where: this.id, message: `${e.message}; flag statuses (launched, inactive, last requested) left out` });
    }
    const mapped = mapEach(
      flags,
      (f) => f?.key,
      (f) => mapLdFlag(f, environment, this.id, `${this.dashboardBaseUrl(environment)}/${encodeURIComponent(f.key)}`, statuses.get(f.key)),
      this.id,
      this.label(environment),
    );
    return { states: mapped.states, diagnostics: [...mapped.diagnostics, ...diagnostics] };
  }

  /** Follows `_links.next` until the last page (and stops on a link it has already seen). */
  private async allPages<T>(fetcher: Fetcher, first: string, what: string): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let next: string | undefined = first;
    while (next && !seen.has(next)) {
      seen.add(next);
      const page = (await fetcher.json(new URL(next, this.baseUrl + '/').toString())) as LdPage<T>;
      if (!page || !Array.isArray(page.items)) throw new SourceError(`launchdarkly: the ${what} answer has no "items" array`, 'malformed');
      items.push(...page.items);
      next = page._links?.next?.href || undefined;
    }
    return items;
  }
}
