import { formatBytes, MAX_JSON_DEPTH, tooDeepAt } from '../../fs';
import { SourceError } from './errors';
import { assertSameOrigin } from './origin';

/** How a remote source talks to its API. `label` prefixes every error ("unleash production"). */
export interface HttpSettings {
  label: string;
  headers: Record<string, string>;
  timeoutMs: number;
  retries: number;
  fetch: typeof fetch;
  /** The only origin requests (pages, redirects) may go to: the token is sent there and nowhere else. */
  origin: string;
  /** Largest body accepted ("maxResponseBytes"). */
  maxResponseBytes: number;
  /** Aborts every request of the whole fetch ("deadlineMs"). */
  deadline?: { signal: AbortSignal; ms: number };
  /** Explains a 401 / 403 / 404 in terms of the config settings to fix. */
  explain: { unauthorized: string; forbidden: string; notFound: (url: string) => string };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type JsonResponse = { status: 200; body: unknown; etag?: string } | { status: 304 };

const BACKOFF_MS = 250;
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_REDIRECTS = 5;

/**
 * GET a JSON document. Retries network errors, timeouts, 5xx and 429 (honouring Retry-After) with exponential
 * backoff; sends If-None-Match when an ETag is known and reports 304 as such. Throws SourceError.
 */
export async function getJson(url: string, http: HttpSettings, etag?: string): Promise<JsonResponse> {
  const where = assertSameOrigin(url, http.origin, http.label, `the address ${safeUrl(url)}`);
  let lastError: SourceError | undefined;
  let retryAfter: number | undefined;
  for (let attempt = 0; attempt <= http.retries; attempt++) {
    if (attempt > 0) await sleep(retryAfter ?? BACKOFF_MS * 2 ** (attempt - 1));
    if (http.deadline?.signal.aborted) throw deadlineError(http);
    retryAfter = undefined;
    let response: Response;
    try {
      response = await fetchOnOrigin(url, http, etag);
    } catch (e) {
      if (e instanceof SourceError) throw e;
      if (http.deadline?.signal.aborted) throw deadlineError(http);
      lastError = networkError(e, where, http);
      continue;
    }
    if (response.status === 304) return { status: 304 };
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      retryAfter = response.status === 429 ? retryAfterMs(response) : undefined;
      lastError = new SourceError(`${http.label}: ${response.status} ${response.statusText || statusName(response.status)} from ${where.host}`, 'server');
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw clientError(response, where, http);
    }
    let text: string;
    try {
      text = await readCapped(response, where, http);
    } catch (e) {
      if (e instanceof SourceError) throw e;
      if (http.deadline?.signal.aborted) throw deadlineError(http);
      lastError = networkError(e, where, http);
      continue;
    }
    if (tooDeepAt(text) !== undefined) {
      throw new SourceError(`${http.label}: the answer from ${where.origin}${where.pathname} is nested deeper than ${MAX_JSON_DEPTH} levels; refused`, 'malformed');
    }
    try {
      return { status: 200, body: JSON.parse(text), etag: response.headers.get('etag') ?? undefined };
    } catch {
      throw new SourceError(`${http.label}: the answer from ${where.origin}${where.pathname} is not valid JSON`, 'malformed');
    }
  }
  const attempts = http.retries + 1;
  throw new SourceError(`${lastError!.message} (${attempts} attempt${attempts === 1 ? '' : 's'}; "retries" in flagsweep.config.json)`, lastError!.reason);
}

/** One GET, following redirects by hand so that none leaves the configured origin (with the token in its headers). */
async function fetchOnOrigin(url: string, http: HttpSettings, etag: string | undefined): Promise<Response> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const timeout = AbortSignal.timeout(http.timeoutMs);
    const response = await http.fetch(current, {
      headers: { Accept: 'application/json', ...http.headers, ...(etag ? { 'If-None-Match': etag } : {}) },
      signal: http.deadline ? AbortSignal.any([timeout, http.deadline.signal]) : timeout,
      redirect: 'manual',
    });
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (!location) throw new SourceError(`${http.label}: ${response.status} redirect without a Location from ${new URL(current).origin}`, 'server');
    const next = new URL(location, current).toString();
    assertSameOrigin(next, http.origin, http.label, `a ${response.status} redirect to ${safeUrl(next)}`);
    if (hop >= MAX_REDIRECTS) throw new SourceError(`${http.label}: more than ${MAX_REDIRECTS} redirects from ${new URL(url).origin}; refused`, 'server');
    current = next;
  }
}

/** Reads the body, refusing it as soon as it passes maxResponseBytes (a Content-Length says so before any byte). */
async function readCapped(response: Response, where: URL, http: HttpSettings): Promise<string> {
  const max = http.maxResponseBytes;
  const refuse = (size: string) => {
    void response.body?.cancel().catch(() => undefined);
    return new SourceError(`${http.label}: the answer from ${where.origin}${where.pathname} is ${size}, over the ${formatBytes(max)} limit ("maxResponseBytes"); refused`, 'limit');
  };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw refuse(formatBytes(declared));
  if (!response.body) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw refuse(`more than ${formatBytes(max)}`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function deadlineError(http: HttpSettings): SourceError {
  return new SourceError(`${http.label}: no complete answer within ${http.deadline!.ms} ms ("deadlineMs")`, 'timeout');
}

/** An address for a message: no credentials, no query (it may carry a token someone put there). */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '<invalid address>';
  }
}

function networkError(e: unknown, where: URL, http: HttpSettings): SourceError {
  const err = e as Error & { cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return new SourceError(`${http.label}: no answer from ${where.host} within ${http.timeoutMs} ms ("timeoutMs")`, 'timeout');
  }
  const code = err.cause?.code ?? err.message;
  return new SourceError(`${http.label}: cannot reach ${where.origin} (${NETWORK_CODES[code] ?? code})`, 'network');
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'ECONNREFUSED: nothing listens there',
  ENOTFOUND: 'ENOTFOUND: unknown host',
  EAI_AGAIN: 'EAI_AGAIN: DNS lookup failed',
  ECONNRESET: 'ECONNRESET: connection reset',
  UND_ERR_SOCKET: 'the server closed the connection',
};

function clientError(response: Response, where: URL, http: HttpSettings): SourceError {
  const status = `${response.status} ${response.statusText || statusName(response.status)}`;
  if (response.status === 401) return new SourceError(`${http.label}: ${status}: ${http.explain.unauthorized}`, 'auth');
  if (response.status === 403) return new SourceError(`${http.label}: ${status}: ${http.explain.forbidden}`, 'auth');
  if (response.status === 404) return new SourceError(`${http.label}: ${status}: ${http.explain.notFound(where.pathname)}`, 'not-found');
  return new SourceError(`${http.label}: ${status} from ${where.origin}${where.pathname}`, 'server');
}

/** Retry-After in seconds or as an HTTP date; LaunchDarkly also sends X-Ratelimit-Reset (epoch ms). */
function retryAfterMs(response: Response): number {
  const header = response.headers.get('retry-after');
  let ms = BACKOFF_MS;
  if (header && /^\d+$/.test(header.trim())) ms = Number(header) * 1000;
  else if (header && !Number.isNaN(Date.parse(header))) ms = Date.parse(header) - Date.now();
  else if (response.headers.get('x-ratelimit-reset')) ms = Number(response.headers.get('x-ratelimit-reset')) - Date.now();
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

function statusName(status: number): string {
  return ({ 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as Record<number, string>)[status] ?? 'HTTP error';
}
