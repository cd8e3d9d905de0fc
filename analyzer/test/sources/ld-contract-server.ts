import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

const samples = path.resolve(__dirname, '../../../test-fixtures/sources-launchdarkly-api-samples');
const sample = (name: string) => fs.readFileSync(path.join(samples, name), 'utf8');

/** The sample pages by `offset` (page size 3, as the `_links.next` hrefs in the samples say). */
const PAGES: Record<string, string> = { '0': 'flags-page-1.json', '3': 'flags-page-2.json', '6': 'flags-page-3.json' };

/** How the fake LaunchDarkly misbehaves; changeable between requests. */
export interface LdServerBehaviour {
  /** Answer 429 (Retry-After: 1) to the next N requests. */
  rateLimit?: number;
  /** Answer 503 to the next N requests. */
  unavailable?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Serve truncated JSON. */
  malformed?: boolean;
  /** Add a flag without variations to the first page. */
  oddFlag?: boolean;
  /** Answer 403 to every request, or only to the flag statuses. */
  forbidden?: 'all' | 'statuses';
}

export interface LdContractServer {
  baseUrl: string;
  token: string;
  behaviour: LdServerBehaviour;
  /** Every request: path with query, status answered, If-None-Match sent. */
  requests: { url: string; status: number; ifNoneMatch?: string }[];
  close(): Promise<void>;
}

/**
 * A local HTTP server answering like LaunchDarkly's REST API v2 from the JSON samples: Authorization checked,
 * flag list paginated by offset with `_links.next`, flag statuses, ETags with 304, 429 with Retry-After.
 */
export async function startLdContractServer(token = 'api-0f1e2d3c-4b5a-6978-8877-665544332211'): Promise<LdContractServer> {
  const state: LdContractServer = { baseUrl: '', token, behaviour: {}, requests: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      state.requests.push({ url: url.pathname + url.search, status, ifNoneMatch: req.headers['if-none-match'] });
      const send = () => {
        // No keep-alive: a closed server then refuses the next connection instead of failing a pooled socket.
        res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close', ...headers });
        res.end(status === 304 ? undefined : body);
      };
      if (state.behaviour.delayMs) setTimeout(send, state.behaviour.delayMs);
      else send();
    };
    if (state.behaviour.unavailable) {
      state.behaviour.unavailable--;
      return answer(503, '{"code":"service_unavailable","message":"Service unavailable"}');
    }
    if (state.behaviour.rateLimit) {
      state.behaviour.rateLimit--;
      return answer(429, sample('error-429.json'), { 'Retry-After': '1', 'X-Ratelimit-Reset': String(Date.now() + 1000) });
    }
    if (req.headers.authorization !== state.token) return answer(401, sample('error-401.json'));
    if (state.behaviour.forbidden === 'all' || (state.behaviour.forbidden === 'statuses' && url.pathname.startsWith('/api/v2/flag-statuses/'))) {
      return answer(403, '{"code":"forbidden","message":"Access to the requested resource was denied"}');
    }
    let body: string | undefined;
    if (url.pathname === '/api/v2/flags/default' && url.searchParams.get('env') === 'production' && url.searchParams.get('summary') === '0') {
      const page = PAGES[url.searchParams.get('offset') ?? '0'];
      body = page && sample(page);
    } else if (url.pathname === '/api/v2/flag-statuses/default/production') {
      body = sample('flag-statuses.json');
    }
    if (body !== undefined && state.behaviour.oddFlag && url.searchParams.get('offset') === null && url.pathname.startsWith('/api/v2/flags/')) {
      const page = JSON.parse(body);
      page.items.unshift({ key: 'half-migrated', name: 'Half migrated', environments: {} });
      body = JSON.stringify(page);
    }
    if (body === undefined) return answer(404, '{"code":"not_found","message":"Unknown resource"}');
    if (state.behaviour.malformed) return answer(200, body.slice(0, body.length / 2));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, '', { ETag: etag });
    answer(200, body, { ETag: etag });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
