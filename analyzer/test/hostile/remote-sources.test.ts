import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../src/config';
import { loadFlagStates, loadFlagStatesSync } from '../../src/sources';
import { json, ldFlag, startServer, unleashFeature, type TestServer } from './servers';

const TOKEN = 'api-secret-7f3e9a1c5b2d';
const LD_FLAGS = '/api/v2/flags/default?env=production&summary=0';

describe('hostile remote sources: origin pinned, limits, redaction, malformed items, cache faults', function () {
  this.timeout(30_000);
  let root: string;
  let servers: TestServer[];
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-hostile-'));
    servers = [];
  });
  afterEach(async () => {
    for (const s of servers) await s.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const serve = async (...args: Parameters<typeof startServer>) => {
    const s = await startServer(...args);
    servers.push(s);
    return s;
  };
  const ld = (baseUrl: string, extra: Record<string, unknown> = {}) =>
    resolveConfig({ source: { type: 'launchdarkly', baseUrl, retries: 0, timeoutMs: 2000, ...extra } }, root);
  const unleash = (url: string, extra: Record<string, unknown> = {}) => resolveConfig({ source: { type: 'unleash', url, retries: 0, timeoutMs: 2000, ...extra } }, root);
  const load = (config: ReturnType<typeof ld>, env: Record<string, string> = { LD_API_TOKEN: TOKEN, UNLEASH_TOKEN: TOKEN }) =>
    loadFlagStates(config, { env, refresh: true });
  const messages = (r: Awaited<ReturnType<typeof load>>) => r.diagnostics.map((d) => d.message);
  const statuses = (server: TestServer, res: import('node:http').ServerResponse, url: URL) =>
    url.pathname.startsWith('/api/v2/flag-statuses') ? (json(res, { items: [] }), true) : false;

  it('a next-page link to another origin is refused and the token never goes there', async () => {
    const evil = await serve((_req, res) => json(res, { items: [ldFlag('stolen')] }));
    const service = await serve((_req, res, url) => {
      if (statuses(service, res, url)) return;
      json(res, { items: [ldFlag('first')], _links: { next: { href: `${evil.url}/api/v2/flags/default?offset=1` } } });
    });
    const result = await load(ld(service.url));
    assert.equal(evil.requests.length, 0, 'no request reached the other origin');
    assert.equal(result.snapshots[0].health, 'error');
    assert.deepEqual(messages(result), [
      `launchdarkly production: the flag list's next-page link points to another origin (${evil.origin}); refused: the token is only sent to ${service.origin}; no cached state to fall back on`,
    ]);
  });

  it('a redirect to another origin is refused (redirects are followed by hand, same origin only)', async () => {
    const evil = await serve((_req, res) => json(res, { items: [ldFlag('stolen')] }));
    const service = await serve((_req, res, url) => {
      if (url.pathname === '/old') return json(res, {}, 301, { Location: LD_FLAGS });
      if (statuses(service, res, url)) return;
      res.writeHead(302, { Location: `${evil.url}${LD_FLAGS}`, Connection: 'close' });
      res.end();
    });
    const result = await load(ld(service.url));
    assert.equal(evil.requests.length, 0);
    assert.deepEqual(messages(result), [
      `launchdarkly production: a 302 redirect to ${evil.origin}/api/v2/flags/default points to another origin (${evil.origin}); refused: the token is only sent to ${service.origin}; no cached state to fall back on`,
    ]);
  });

  it('a redirect on the same origin is followed', async () => {
    const service = await serve((_req, res, url) => {
      if (statuses(service, res, url)) return;
      if (url.pathname === '/api/v2/flags/default') return json(res, {}, 307, { Location: `/moved${url.search}` });
      json(res, { items: [ldFlag('moved-flag')] });
    });
    const result = await load(ld(service.url));
    assert.equal(result.snapshots[0].health, 'ok');
    assert.deepEqual([...result.states.keys()], ['moved-flag']);
  });

  it('a page chain that never ends stops at maxPages', async () => {
    let n = 0;
    const service = await serve((_req, res, url) => {
      if (statuses(service, res, url)) return;
      json(res, { items: [ldFlag(`flag-${n}`)], _links: { next: { href: `/api/v2/flags/default?page=${++n}` } } });
    });
    const result = await load(ld(service.url, { maxPages: 5 }));
    assert.equal(service.requests.length, 5);
    assert.deepEqual(messages(result), ['launchdarkly production: the flag list has more than 5 pages; stopped ("maxPages"); no cached state to fall back on']);
  });

  it('the whole fetch has a deadline (deadlineMs), however fast each page is', async () => {
    let n = 0;
    const service = await serve((_req, res, url) => {
      if (statuses(service, res, url)) return;
      setTimeout(() => json(res, { items: [ldFlag(`flag-${n}`)], _links: { next: { href: `/api/v2/flags/default?page=${++n}` } } }), 100);
    });
    const started = Date.now();
    const result = await load(ld(service.url, { deadlineMs: 700, maxPages: 1000 }));
    assert.ok(Date.now() - started < 5000, 'stopped near the deadline');
    assert.deepEqual(messages(result), ['launchdarkly production: no complete answer within 700 ms ("deadlineMs"); no cached state to fall back on']);
  });

  it('a 700 MB body without a length is refused after maxResponseBytes, without reading it whole', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const service = await serve((req, res) => {
      // 700 MB, streamed without a length: the client must hang up early.
      res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'close' });
      const pump = () => {
        while (sent < 700 && res.write(chunk)) sent++;
        if (sent < 700 && !res.destroyed) res.once('drain', pump);
      };
      req.socket.on('close', () => res.destroy());
      pump();
    });
    const streamed = await load(ld(service.url, { maxResponseBytes: 2 * 1024 * 1024 }));
    assert.ok(sent < 100, `stopped reading after ${sent} MB`);
    assert.deepEqual(messages(streamed), [
      `launchdarkly production: the answer from ${service.origin}/api/v2/flags/default is more than 2 MB, over the 2 MB limit ("maxResponseBytes"); refused; no cached state to fall back on`,
    ]);
  });

  it('a body declared larger than the limit is refused before any byte', async () => {
    const service = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(700 * 1024 * 1024), Connection: 'close' });
      res.write('{"items":[');
    });
    const result = await load(ld(service.url));
    assert.deepEqual(messages(result), [
      `launchdarkly production: the answer from ${service.origin}/api/v2/flags/default is 700 MB, over the 50 MB limit ("maxResponseBytes"); refused; no cached state to fall back on`,
    ]);
  });

  it('credentials in the address are refused, and the password is never printed', async () => {
    const service = await serve((_req, res) => json(res, { features: [] }));
    const config = unleash(service.url.replace('http://', 'http://admin:hunter2pass@'));
    const result = await load(config);
    assert.equal(service.requests.length, 0, 'no request with credentials in the address');
    assert.deepEqual(messages(result), [
      `unleash production: "url" holds credentials (http://…@${service.origin.slice('http://'.length)}); remove them and set the token in $UNLEASH_TOKEN; no cached state to fall back on`,
    ]);
    assert.ok(!JSON.stringify(result).includes('hunter2pass'));
    assert.ok(!result.snapshots[0].dashboardBaseUrl!.includes('hunter2pass'));
  });

  it('a token the server echoes (in a description, a name, a message) never reaches a state, a message or the disk cache', async () => {
    const service = await serve((req, res, url) => {
      const echo = String(req.headers.authorization);
      if (url.pathname.endsWith('/features')) return json(res, { features: [{ name: 'echo' }] });
      if (url.pathname.includes('/search/events')) return json(res, { events: [] });
      json(res, unleashFeature('echo', { description: `token is ${echo}`, variants: [{ name: `v-${echo}`, payload: { type: 'string', value: echo } }] }));
    });
    const result = await load(unleash(service.url));
    assert.equal(result.snapshots[0].health, 'ok');
    assert.equal(result.states.get('echo')!.description, 'token is <redacted>');
    assert.ok(!JSON.stringify(result).includes(TOKEN), 'no token in the result');
    const cacheFiles = fs.readdirSync(path.join(root, '.flagsweep-cache'));
    assert.equal(cacheFiles.length, 1);
    const cached = fs.readFileSync(path.join(root, '.flagsweep-cache', cacheFiles[0]), 'utf8');
    assert.ok(cached.includes('<redacted>') && !cached.includes(TOKEN), 'no token in the disk cache');
  });

  it('one null item in the Unleash feature list is skipped with a warning naming it; the others load', async () => {
    const service = await serve((_req, res, url) => {
      if (url.pathname.endsWith('/features')) return json(res, { features: [{ name: 'kept-a' }, null, 42, { name: 'kept-b' }] });
      if (url.pathname.includes('/search/events')) return json(res, { events: [] });
      json(res, unleashFeature(decodeURIComponent(url.pathname.split('/').pop()!)));
    });
    const result = await load(unleash(service.url));
    assert.equal(result.snapshots[0].health, 'ok');
    assert.deepEqual([...result.states.keys()].sort(), ['kept-a', 'kept-b']);
    assert.deepEqual(messages(result), [
      'unleash production: item #2 of the feature list (null) has no name; skipped',
      'unleash production: item #3 of the feature list (a number) has no name; skipped',
    ]);
  });

  it('a null LaunchDarkly flag and a null status are skipped, not fatal', async () => {
    const service = await serve((_req, res, url) => {
      if (url.pathname.startsWith('/api/v2/flag-statuses')) return json(res, { items: [null, { _links: { parent: { href: 5 } } }] });
      json(res, { items: [ldFlag('fine'), null] });
    });
    const result = await load(ld(service.url));
    assert.equal(result.snapshots[0].health, 'ok');
    assert.deepEqual([...result.states.keys()], ['fine']);
    assert.deepEqual(messages(result), ["launchdarkly production: flag #2 has an unexpected shape (Cannot read properties of null (reading 'key')); skipped"]);
  });

  describe('cache faults are warnings, never crashes', () => {
    const cacheFile = (config: ReturnType<typeof ld>) => {
      // The cache file name comes from the first (successful) load.
      const dir = path.join(root, '.flagsweep-cache');
      return path.join(dir, fs.readdirSync(dir)[0]);
    };
    const primed = async () => {
      const service = await serve((_req, res, url) => (statuses(service, res, url) ? undefined : json(res, { items: [ldFlag('cached-flag')] })));
      const config = ld(service.url);
      assert.equal((await load(config)).snapshots[0].health, 'ok');
      return { config, file: cacheFile(config) };
    };

    it('states: [{"key": null}] in the cache: that state is left out, with a warning (scan --offline, ESLint)', async () => {
      const { config, file } = await primed();
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      data.states.push({ key: null }, null);
      fs.writeFileSync(file, JSON.stringify(data));
      for (const result of [await loadFlagStates(config, { env: {}, offline: true }), loadFlagStatesSync(config)]) {
        assert.deepEqual([...result.states.keys()], ['cached-flag']);
        assert.deepEqual(messages(result).slice(1), [`launchdarkly production: the cache ${file}: 2 malformed flag state(s) left out`]);
      }
    });

    it('a cache file with corrupt JSON: ignored with a warning', async () => {
      const { config, file } = await primed();
      fs.writeFileSync(file, '{"version":1,"states":[');
      const result = await loadFlagStates(config, { env: {}, offline: true });
      assert.equal(result.snapshots[0].health, 'offline');
      assert.deepEqual(messages(result), [
        'launchdarkly production: offline; no cached state to fall back on',
        `launchdarkly production: cannot use the cache ${file}: not valid JSON; ignored`,
      ]);
    });

    it('a cache file that is a FIFO: refused at once, no hang', async () => {
      const { config, file } = await primed();
      fs.rmSync(file);
      require('node:child_process').execFileSync('mkfifo', [file]);
      const result = loadFlagStatesSync(config);
      assert.deepEqual(messages(result), [
        'launchdarkly production: offline; no cached state to fall back on',
        `launchdarkly production: cannot use the cache ${file}: is a FIFO (named pipe), not a regular file; ignored`,
      ]);
    });

    it('cacheDir that is a regular file: a warning, the live answer still used', async () => {
      fs.writeFileSync(path.join(root, 'not-a-dir'), 'x');
      const service = await serve((_req, res, url) => (statuses(service, res, url) ? undefined : json(res, { items: [ldFlag('live')] })));
      const result = await load(ld(service.url, { cacheDir: 'not-a-dir' }));
      assert.equal(result.snapshots[0].health, 'ok');
      assert.deepEqual(messages(result), [
        `launchdarkly production: cannot use the cache folder ${path.join(root, 'not-a-dir')} (${path.join(root, 'not-a-dir')} is not a folder); "cacheDir"`,
      ]);
    });

    it('cacheDir under /proc: a warning, no loop', async () => {
      const service = await serve((_req, res, url) => (statuses(service, res, url) ? undefined : json(res, { items: [ldFlag('live')] })));
      const result = await load(ld(service.url, { cacheDir: '/proc/self/flagsweep-cache' }));
      assert.equal(result.snapshots[0].health, 'ok');
      assert.deepEqual(messages(result), ['launchdarkly production: cannot use the cache folder /proc/self/flagsweep-cache (it is under /proc); "cacheDir"']);
      const offline = loadFlagStatesSync(ld(service.url, { cacheDir: '/proc/self/flagsweep-cache' }));
      assert.deepEqual(messages(offline), [
        'launchdarkly production: offline; no cached state to fall back on',
        'launchdarkly production: cannot use the cache folder /proc/self/flagsweep-cache (it is under /proc); "cacheDir"',
      ]);
    });
  });
});
