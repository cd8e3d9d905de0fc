import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../../src/config';
import { loadFlagStates, loadFlagStatesSync } from '../../src/sources';
import { startLdContractServer, type LdContractServer } from './ld-contract-server';

const fixture = path.resolve(__dirname, '../../../test-fixtures/sources-merge-file-and-service');

describe('remote source faults: the load completes with the cached or file state and a warning', () => {
  let server: LdContractServer;
  let root: string;
  let config: ResolvedConfig;
  let fetchedAt: string;
  // refresh: as a new process would, not from this process's memory of the last minute.
  const load = (env: Record<string, string | undefined> = { LD_API_TOKEN: server.token }, offline = false) => loadFlagStates(config, { env, offline, refresh: true });

  beforeEach(async () => {
    server = await startLdContractServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-faults-'));
    fs.copyFileSync(path.join(fixture, 'flags.flagd.json'), path.join(root, 'flags.flagd.json'));
    config = resolveConfig({ source: [{ type: 'flagd' }, { type: 'launchdarkly', baseUrl: server.baseUrl, retries: 0, timeoutMs: 300 }] }, root);
    const primed = await loadFlagStates(config, { env: { LD_API_TOKEN: server.token }, now: new Date('2020-01-01') });
    assert.equal(primed.snapshots[1].health, 'ok');
    fetchedAt = primed.snapshots[1].asOf!;
    assert.ok(Math.abs(Date.parse(fetchedAt) - Date.now()) < 60_000, 'the real fetch time, not the run\'s "today"');
    server.requests.length = 0;
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const assertCached = (result: Awaited<ReturnType<typeof loadFlagStates>>, message: string) => {
    assert.deepEqual(result.snapshots.map((s) => s.health), ['ok', 'cached']);
    assert.equal(result.snapshots[1].asOf, fetchedAt);
    assert.equal(result.states.size, 9);
    assert.equal(result.states.get('beta-dashboard')!.fromCache, true);
    assert.equal(result.states.get('beta-dashboard')!.asOf, fetchedAt);
    assert.equal(result.states.get('local-only')!.source, 'flagd:flags.flagd.json');
    assert.deepEqual(result.diagnostics, [
      { severity: 'warning', where: 'launchdarkly:production', message: `${message}; using the cached state as of ${fetchedAt}` },
    ]);
    assert.ok(!JSON.stringify(result).includes(server.token), 'the token never appears');
  };

  it('server down', async () => {
    await server.close();
    assertCached(await load(), `launchdarkly production: cannot reach ${server.baseUrl} (ECONNREFUSED: nothing listens there) (1 attempt; "retries" in flagsweep.config.json)`);
  });

  it('within a minute the same process answers from memory, without asking the server', async () => {
    await server.close();
    const result = await loadFlagStates(config, { env: { LD_API_TOKEN: server.token } });
    assert.deepEqual(result.snapshots.map((s) => s.health), ['ok', 'ok']);
    assert.equal(result.states.size, 9);
  });

  it('server too slow (timeoutMs)', async () => {
    server.behaviour.delayMs = 2000;
    const host = new URL(server.baseUrl).host;
    assertCached(await load(), `launchdarkly production: no answer from ${host} within 300 ms ("timeoutMs") (1 attempt; "retries" in flagsweep.config.json)`);
  });

  it('malformed JSON', async () => {
    server.behaviour.malformed = true;
    assertCached(await load(), `launchdarkly production: the answer from ${server.baseUrl}/api/v2/flags/default is not valid JSON`);
  });

  it('token missing: no request is made', async () => {
    assertCached(await load({}), 'launchdarkly production: no token: set $LD_API_TOKEN to a LaunchDarkly API access token (reader role)');
    assert.equal(server.requests.length, 0);
  });

  it('--offline: cache only, no request, an info note', async () => {
    const result = await load(undefined, true);
    assert.equal(server.requests.length, 0);
    assert.deepEqual(result.snapshots.map((s) => s.health), ['ok', 'cached']);
    assert.deepEqual(result.diagnostics, [
      { severity: 'info', where: 'launchdarkly:production', message: `launchdarkly production: offline; using the cached state as of ${fetchedAt}` },
    ]);
  });

  it('loadFlagStatesSync (ESLint): the file and the cache, synchronously, no request', async () => {
    const sync = loadFlagStatesSync(config);
    const offline = await load(undefined, true);
    assert.equal(server.requests.length, 0);
    assert.deepEqual(sync, offline);
  });

  it('no cache and server down: the file state alone, the source in error', async () => {
    fs.rmSync(path.join(root, '.flagsweep-cache'), { recursive: true });
    await server.close();
    const result = await load();
    assert.deepEqual(result.snapshots.map((s) => s.health), ['ok', 'error']);
    assert.deepEqual([...result.states.keys()].sort(), ['dark-mode', 'local-only', 'new-checkout']);
    assert.deepEqual(result.diagnostics, [
      {
        severity: 'warning',
        where: 'launchdarkly:production',
        message: `launchdarkly production: cannot reach ${server.baseUrl} (ECONNREFUSED: nothing listens there) (1 attempt; "retries" in flagsweep.config.json); no cached state to fall back on`,
      },
    ]);
  });

  it('the disk cache holds no token', () => {
    const dir = path.join(root, '.flagsweep-cache');
    for (const f of fs.readdirSync(dir)) assert.ok(!fs.readFileSync(path.join(dir, f), 'utf8').includes(server.token));
  });
});
