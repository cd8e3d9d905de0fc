import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  origin: string;
  /** Every request: path with query and the Authorization header it carried. */
  requests: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

/** A local HTTP server on 127.0.0.1 (a random port) answering with `handle`; counts requests. */
export async function startServer(handle: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname + url.search, authorization: req.headers.authorization });
    handle(req, res, url);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'close', ...headers });
  res.end(JSON.stringify(body));
}

/** A minimal LaunchDarkly flag with one environment, boolean variations. */
export function ldFlag(key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key,
    name: key,
    kind: 'boolean',
    creationDate: 1748736000000,
    temporary: true,
    tags: [],
    variations: [{ value: true }, { value: false }],
    environments: { production: { on: true, fallthrough: { variation: 0 }, offVariation: 1, rules: [], targets: [], prerequisites: [], lastModified: 1767225600000 } },
    ...extra,
  };
}

/** A minimal Unleash feature document, enabled in production for everyone. */
export function unleashFeature(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    type: 'release',
    createdAt: '2026-01-01T00:00:00.000Z',
    environments: [{ name: 'production', enabled: true, strategies: [{ name: 'default', parameters: {}, constraints: [] }] }],
    ...extra,
  };
}
