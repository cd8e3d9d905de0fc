import type { LaunchDarklySourceConfig } from '../../config';
import type { Diagnostic, FlagState } from '../../model';
import { SourceError } from '../http/errors';
import { parseServiceUrl, type ServiceUrl } from '../http/origin';
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
  protected readonly service: ServiceUrl;

  constructor(cfg: LaunchDarklySourceConfig, root: string) {
    super(`launchdarkly:${cfg.environment}`, cfg, root);
    this.service = parseServiceUrl(cfg.baseUrl, 'baseUrl', cfg.tokenEnv);
    this.baseUrl = this.service.display;
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
    const flags = await this.allPages<LdFlag>(fetcher, `/api/v2/flags/${project}?env=${encodeURIComponent(environment)}&summary=0`, 'flag list', this.label(environment));
    if (flags.length > 0 && !flags.some((f) => f !== null && typeof f?.environments === 'object' && f.environments !== null && environment in f.environments)) {
      throw new SourceError(`launchdarkly ${environment}: no environment "${environment}" in project "${this.cfg.project}"; check "environment" or --source-env`, 'config');
    }
    const diagnostics: Diagnostic[] = [];
    const statuses = new Map<string, LdFlagStatus>();
    try {
      for (const s of await this.allPages<LdFlagStatus>(fetcher, `/api/v2/flag-statuses/${project}/${encodeURIComponent(environment)}`, 'flag statuses', this.label(environment))) {
        const href = s?._links?.parent?.href;
        const key = typeof href === 'string' ? href.split('/').pop() : undefined;
        if (key) statuses.set(safeDecode(key), s);
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

  /**
   * Follows `_links.next` until the last page; stops on a link it has already seen, refuses a link to another
   * origin (the token would go there) and more than `maxPages` pages.
   */
  private async allPages<T>(fetcher: Fetcher, first: string, what: string, label: string): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let next: string | undefined = first;
    while (next && !seen.has(next)) {
      if (seen.size >= this.cfg.maxPages) {
        throw new SourceError(`${label}: the ${what} has more than ${this.cfg.maxPages} pages; stopped ("maxPages")`, 'limit');
      }
      seen.add(next);
      const url = new URL(next, this.baseUrl + '/');
      if (url.origin !== this.service.origin) {
        throw new SourceError(`${label}: the ${what}'s next-page link points to another origin (${url.origin}); refused: the token is only sent to ${this.service.origin}`, 'malformed');
      }
      const page = (await fetcher.json(url.toString())) as LdPage<T>;
      if (!page || !Array.isArray(page.items)) throw new SourceError(`${label}: the ${what} answer has no "items" array`, 'malformed');
      for (const item of page.items) items.push(item);
      const href = page._links?.next?.href;
      next = typeof href === 'string' && href !== '' ? href : undefined;
    }
    return items;
  }
}

/** A malformed %-sequence from a server must not throw out of the whole load. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
