import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../src/config';
import { addDays } from '../../src/sources/dates';
import { createSource, loadFlagStates, type SourceSnapshot } from '../../src/sources';
import type { FlagState } from '../../src/model';
import { findUnleashServer, requirePostgres, requireUnleashServer, startUnleash, type UnleashTestServer } from './unleash-server';

describe('unleash source against a real Unleash server (unleash-server 7.5.1 on PostgreSQL)', function () {
  this.timeout(120_000);
  let server: UnleashTestServer | undefined;
  let root: string;

  const api = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${server!.url}/api/admin/projects/default${p}`, {
      method,
      headers: { Authorization: server!.adminToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
  };
  const createFlag = async (name: string, type: string, strategies: object[], enabled: boolean) => {
    await api('POST', '/features', { name, type });
    for (const s of strategies) await api('POST', `/features/${name}/environments/production/strategies`, s);
    if (enabled) await api('POST', `/features/${name}/environments/production/on`);
  };
  const rollout = (pct: number, name: string) => ({ name: 'flexibleRollout', parameters: { rollout: String(pct), stickiness: 'default', groupId: name } });
  const source = (extra: object = {}) =>
    createSource(resolveConfig({ source: { type: 'unleash', url: server!.url, environment: 'production', ...extra } }, root).sources[0], root);
  const byKey = (snapshot: SourceSnapshot) => new Map<string, FlagState>(snapshot.states.map((s) => [s.key, s]));

  before(async function () {
    const bin = requirePostgres(process.env);
    if (!bin) {
      console.warn('\n  !!! SKIPPING the real-Unleash tests: no PostgreSQL under /usr/lib/postgresql (run scripts/setup/postgres.sh) !!!\n');
      this.skip();
    }
    const unleash = requireUnleashServer(process.env);
    if (!unleash) {
      console.warn('\n  !!! SKIPPING the real-Unleash tests: unleash-server is not installed (run scripts/setup/unleash.sh) !!!\n');
      this.skip();
    }
    server = await startUnleash(bin!, unleash!);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-unleash-'));
    await createFlag('checkout-on', 'release', [{ name: 'default' }], true);
    await createFlag('legacy-off', 'release', [{ name: 'default' }], false);
    await createFlag('search-full-rollout', 'release', [rollout(100, 'search-full-rollout')], true);
    await createFlag('pricing-half-rollout', 'experiment', [rollout(50, 'pricing-half-rollout')], true);
    await createFlag('old-banner', 'release', [{ name: 'default' }], true);
    await api('POST', '/stale', { features: ['old-banner'], stale: true });
    await createFlag('tour-completed', 'release', [{ name: 'default' }], true);
    await api('POST', '/features/tour-completed/lifecycle/complete', { status: 'kept' });
    await createFlag('payments-kill-switch', 'kill-switch', [{ name: 'default' }], true);
    const variant = (name: string, weight: number, value: string) => ({ name, weight, weightType: 'variable', stickiness: 'default', payload: { type: 'string', value } });
    await createFlag('banner-color', 'release', [{ ...rollout(100, 'banner-color'), variants: [variant('blue', 1000, '#00f')] }], true);
    await createFlag('button-copy', 'experiment', [{ ...rollout(100, 'button-copy'), variants: [variant('buy', 500, 'Buy now'), variant('order', 500, 'Order')] }], true);
    await createFlag('beta-users', 'permission', [{ ...rollout(100, 'beta-users'), constraints: [{ contextName: 'userId', operator: 'IN', values: ['1', '2'] }] }], true);
  });

  after(async () => {
    try {
      await server?.stop();
    } finally {
      if (root) fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('maps on, off, 100% and 50% rollouts, variants, constraints, stale and completed flags', async () => {
    const snapshot = await source().load({ env: { UNLEASH_TOKEN: server!.adminToken } });
    assert.equal(snapshot.health, 'ok', JSON.stringify(snapshot.diagnostics));
    assert.deepEqual(snapshot.diagnostics, []);
    const states = byKey(snapshot);
    assert.deepEqual([...states.keys()].sort(), ['banner-color', 'beta-users', 'button-copy', 'checkout-on', 'legacy-off', 'old-banner', 'payments-kill-switch', 'pricing-half-rollout', 'search-full-rollout', 'tour-completed']);

    const on = states.get('checkout-on')!;
    const half = states.get('pricing-half-rollout')!;
    assert.equal(on.enabled, true);
    assert.deepEqual(on.winner, { kind: 'value', value: true });
    assert.equal(on.flagType, 'release');
    assert.equal(on.source, 'unleash:production');
    assert.equal(on.dashboardUrl, `${server!.url}/projects/default/features/checkout-on`);
    assert.equal(on.expires, addDays(on.createdAt!, 40));
    assert.deepEqual(on.expiresEstimate, { flagType: 'release', lifetimeDays: 40, basis: `created ${on.createdAt!.slice(0, 10)} + Unleash's expected lifetime of a release flag (40 days)` });
    assert.equal(on.vendorStale, false);
    assert.ok(on.constantSince! > on.createdAt!, 'constant since the flag was last changed in production');
    assert.equal(half.constantSince, undefined, 'a split has no constant value');

    assert.deepEqual(states.get('legacy-off')!.winner, { kind: 'value', value: false });
    assert.equal(states.get('legacy-off')!.enabled, false);
    assert.equal(states.get('legacy-off')!.servedValue, null);

    assert.deepEqual(states.get('search-full-rollout')!.winner, { kind: 'value', value: true });
    assert.deepEqual(states.get('search-full-rollout')!.rollout, [{ variant: 'on', weight: 100 }, { variant: 'off', weight: 0 }]);

    assert.deepEqual(half.winner, { kind: 'none', reason: '1 strategy: flexibleRollout 50%' });
    assert.deepEqual(half.rollout, [{ variant: 'on', weight: 50 }, { variant: 'off', weight: 50 }]);
    assert.equal(half.hasTargeting, true);
    assert.equal(half.expires, addDays(half.createdAt!, 40));

    assert.deepEqual(states.get('beta-users')!.winner, { kind: 'none', reason: '1 strategy: flexibleRollout 100% with 1 constraint/segment' });
    assert.equal(states.get('beta-users')!.expires, 'never');
    assert.equal(states.get('payments-kill-switch')!.expires, 'never');
    assert.deepEqual(states.get('payments-kill-switch')!.expiresEstimate, { flagType: 'kill-switch', basis: 'Unleash treats kill-switch flags as permanent' });

    assert.deepEqual(states.get('banner-color')!.winner, { kind: 'value', value: '#00f', variant: 'blue' });
    assert.deepEqual(states.get('button-copy')!.variants, { buy: 'Buy now', order: 'Order' });
    assert.deepEqual(states.get('button-copy')!.winner, { kind: 'none', reason: 'on for everyone, variant split buy 50% / order 50%' });

    assert.equal(states.get('old-banner')!.vendorStale, true);
    assert.equal(states.get('tour-completed')!.lifecycleStage, 'completed');
    assert.equal(states.get('tour-completed')!.lifecycleStatus, 'kept');
  });

  it('--source-env reads another environment of the same project', async () => {
    const snapshot = await source().load({ env: { UNLEASH_TOKEN: server!.adminToken }, environment: 'development' });
    assert.equal(snapshot.health, 'ok');
    assert.ok(snapshot.states.every((s) => !s.enabled && s.winner.kind === 'value' && s.winner.value === false));
    assert.ok(snapshot.states.every((s) => s.constantSince === s.createdAt), 'never changed in development: constant since creation');
  });

  it('names the setting to fix on 401 and never shows the rejected token', async () => {
    const token = '*:*.definitely-wrong-token-value';
    const snapshot = await source({ cacheDir: 'cache-401' }).load({ env: { UNLEASH_TOKEN: token } });
    assert.equal(snapshot.health, 'error');
    assert.deepEqual(snapshot.diagnostics, [
      {
        severity: 'warning',
        where: 'unleash:production',
        message: 'unleash production: 401 Unauthorized: the token in $UNLEASH_TOKEN was rejected; set a valid Admin API token; no cached state to fall back on',
      },
    ]);
    assert.ok(!JSON.stringify(snapshot).includes('definitely-wrong'));
  });

  it('sends the stored ETags on refresh (Unleash 7.5 answers 200 anyway) and keeps the token out of the disk cache', async () => {
    const sent: (string | null)[] = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push(new Headers(init?.headers).get('if-none-match'));
      return fetch(input, init);
    };
    const s = source({ cacheDir: 'cache-etag' });
    await s.load({ env: { UNLEASH_TOKEN: server!.adminToken }, fetch: recording });
    const first = sent.length;
    assert.equal(first, 1 + 10 + 7, 'the list, each flag, and the last event of each flag that serves one value');
    assert.ok(sent.every((etag) => etag === null));
    const again = await s.refresh({ env: { UNLEASH_TOKEN: server!.adminToken }, fetch: recording });
    assert.equal(again.health, 'ok');
    assert.equal(again.states.length, 10);
    assert.ok(sent.slice(first).every((etag) => etag !== null && etag.startsWith('W/"')), JSON.stringify(sent));
    const cacheFiles = fs.readdirSync(path.join(root, 'cache-etag'));
    assert.equal(cacheFiles.length, 1);
    assert.ok(!fs.readFileSync(path.join(root, 'cache-etag', cacheFiles[0]), 'utf8').includes(server!.adminToken.split('.')[1]));
  });

  it('after the server goes down, serves the last good state as of its fetch time (and the flagd file still loads)', async () => {
    const fixtureRoot = path.resolve(__dirname, '../../../test-fixtures/sources-flagd-basic');
    fs.copyFileSync(path.join(fixtureRoot, 'flags.flagd.json'), path.join(root, 'flags.flagd.json'));
    const config = resolveConfig(
      { source: [{ type: 'flagd' }, { type: 'unleash', url: server!.url, environment: 'production', cacheDir: 'cache-outage', retries: 0, timeoutMs: 2000 }] },
      root,
    );
    const live = await loadFlagStates(config, { env: { UNLEASH_TOKEN: server!.adminToken } });
    assert.equal(live.snapshots[1].health, 'ok');
    const fetchedAt = live.snapshots[1].asOf!;
    await server!.stop();
    const later = await loadFlagStates(config, { env: { UNLEASH_TOKEN: server!.adminToken }, refresh: true });
    assert.deepEqual(later.snapshots.map((s) => s.health), ['ok', 'cached']);
    assert.equal(later.states.get('checkout-on')?.fromCache, true);
    assert.equal(later.states.get('checkout-on')?.asOf, fetchedAt);
    assert.equal(later.states.get('new-checkout')?.source, 'flagd:flags.flagd.json');
    assert.equal(later.diagnostics.length, 1);
    assert.equal(later.diagnostics[0].severity, 'warning');
    assert.match(later.diagnostics[0].message, /^unleash production: cannot reach http:\/\/127\.0\.0\.1:\d+ \((ECONNREFUSED: nothing listens there|the server closed the connection)\) \(1 attempt; "retries" in flagsweep\.config\.json\); using the cached state as of (.+)$/);
    assert.equal(later.diagnostics[0].message.split('as of ')[1], fetchedAt);
  });
});

describe('unleash test setup: PostgreSQL on CI', () => {
  it('fails instead of skipping when CI=true and PostgreSQL is missing', () => {
    assert.throws(() => requirePostgres({ CI: 'true' }, '/nonexistent/postgresql'), /PostgreSQL is missing on CI: run scripts\/setup\/postgres\.sh/);
  });
  it('lets a developer machine without PostgreSQL skip', () => {
    assert.equal(requirePostgres({}, '/nonexistent/postgresql'), undefined);
  });
});

describe('unleash test setup: unleash-server from scripts/setup/unleash.sh, not from npm install', () => {
  it('fails instead of skipping when CI=true and unleash-server is not installed', () => {
    assert.throws(() => requireUnleashServer({ CI: 'true' }, '/nonexistent/tools'), /^Error: unleash-server is missing on CI: run scripts\/setup\/unleash\.sh$/);
  });
  it('lets a developer machine without it skip', () => {
    assert.equal(requireUnleashServer({}, '/nonexistent/tools'), undefined);
  });
  it('finds the entry module of the installed server', () => {
    const entry = findUnleashServer();
    assert.ok(entry, 'unleash-server is not installed: run scripts/setup/unleash.sh');
    assert.match(entry, /\.tools\/unleash-server\/node_modules\/unleash-server\/.+\.js$/);
  });
});
