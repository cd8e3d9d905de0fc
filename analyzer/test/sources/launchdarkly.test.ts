import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../src/config';
import type { FlagState } from '../../src/model';
import { createSource, type FlagSource } from '../../src/sources';
import { startLdContractServer, type LdContractServer } from './ld-contract-server';

describe('launchdarkly source: contract tests against a local server shaped like the REST API v2', () => {
  let server: LdContractServer;
  let root: string;
  const source = (extra: object = {}): FlagSource =>
    createSource(resolveConfig({ source: { type: 'launchdarkly', baseUrl: server.baseUrl, project: 'default', environment: 'production', ...extra } }, root).sources[0], root);
  const env = () => ({ LD_API_TOKEN: server.token });

  beforeEach(async () => {
    server = await startLdContractServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-ld-'));
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('follows _links.next through every page and maps each flag shape to one winner', async () => {
    const snapshot = await source().load({ env: env() });
    assert.equal(snapshot.health, 'ok');
    assert.deepEqual(snapshot.diagnostics, []);
    assert.deepEqual(
      server.requests.map((r) => r.url),
      [
        '/api/v2/flags/default?env=production&summary=0',
        '/api/v2/flags/default?env=production&summary=0&limit=3&offset=3',
        '/api/v2/flags/default?env=production&summary=0&limit=3&offset=6',
        '/api/v2/flag-statuses/default/production',
      ],
    );
    const states = new Map<string, FlagState>(snapshot.states.map((s) => [s.key, s]));
    const winners = Object.fromEntries([...states].map(([k, s]) => [k, s.winner]));
    assert.deepEqual(winners, {
      'new-checkout': { kind: 'value', value: true, variant: 'true' },
      'legacy-search': { kind: 'value', value: false, variant: 'false' },
      'pricing-experiment': { kind: 'none', reason: 'a percentage rollout Monthly first 50% / Yearly first 50% serve different variations' },
      'beta-dashboard': { kind: 'none', reason: '1 rule serve different variations' },
      'dark-mode': { kind: 'value', value: true, variant: 'true' },
      'checkout-v2': { kind: 'none', reason: '1 prerequisite serve different variations' },
      'search-full-rollout': { kind: 'value', value: true, variant: 'true' },
      'old-banner': { kind: 'value', value: false, variant: 'false' },
    });
    assert.deepEqual(states.get('new-checkout'), {
      key: 'new-checkout',
      source: 'launchdarkly:production',
      exists: true,
      enabled: true,
      variants: { true: true, false: false },
      defaultVariant: 'true',
      servedValue: true,
      hasTargeting: false,
      ruleCount: 0,
      winner: { kind: 'value', value: true, variant: 'true' },
      description: 'New checkout flow',
      archived: false,
      dashboardUrl: `${server.baseUrl}/default/production/features/new-checkout`,
      owner: 'ariel@example.com',
      createdAt: '2025-06-01T00:00:00.000Z',
      tags: ['release', 'checkout'],
      flagType: 'release',
      constantSince: '2026-01-01T00:00:00.000Z',
      lifecycleStage: 'launched',
      vendorStale: true,
      lastSeenAt: '2026-11-21T18:04:11.000Z',
    });
    assert.deepEqual(states.get('pricing-experiment')!.rollout, [
      { variant: 'Monthly first', weight: 50 },
      { variant: 'Yearly first', weight: 50 },
    ]);
    assert.equal(states.get('beta-dashboard')!.ruleCount, 1);
    assert.equal(states.get('legacy-search')!.enabled, false);
    assert.equal(states.get('legacy-search')!.lifecycleStage, 'inactive');
    assert.equal(states.get('dark-mode')!.expires, 'never');
    assert.deepEqual(states.get('dark-mode')!.expiresEstimate, { flagType: 'permission', basis: 'LaunchDarkly marks the flag permanent (temporary: false)' });
    assert.equal(states.get('checkout-v2')!.owner, 'Team Payments');
    assert.equal(states.get('old-banner')!.archived, true);
    assert.equal(snapshot.dashboardBaseUrl, `${server.baseUrl}/default/production/features`);
  });

  it('waits out a 429 as Retry-After says, then succeeds', async () => {
    server.behaviour.rateLimit = 1;
    const started = Date.now();
    const snapshot = await source().load({ env: env() });
    assert.equal(snapshot.health, 'ok');
    assert.equal(snapshot.states.length, 8);
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After: 1');
    assert.deepEqual(server.requests.slice(0, 2).map((r) => r.status), [429, 200]);
  });

  it('retries a 503 with backoff', async () => {
    server.behaviour.unavailable = 2;
    const snapshot = await source().load({ env: env() });
    assert.equal(snapshot.health, 'ok');
    assert.deepEqual(server.requests.slice(0, 3).map((r) => r.status), [503, 503, 200]);
  });

  it('names the setting to fix on 401 and never shows the token', async () => {
    const token = 'api-11112222-3333-4444-5555-666677778888';
    const snapshot = await source().load({ env: { LD_API_TOKEN: token } });
    assert.equal(snapshot.health, 'error');
    assert.deepEqual(snapshot.diagnostics, [
      {
        severity: 'warning',
        where: 'launchdarkly:production',
        message: 'launchdarkly production: 401 Unauthorized: the token in $LD_API_TOKEN was rejected; set a valid LaunchDarkly API access token; no cached state to fall back on',
      },
    ]);
    assert.ok(!JSON.stringify(snapshot).includes(token));
  });

  it('skips a flag of unexpected shape with a warning and keeps the others', async () => {
    server.behaviour.oddFlag = true;
    const snapshot = await source().load({ env: env() });
    assert.equal(snapshot.health, 'ok');
    assert.equal(snapshot.states.length, 8);
    assert.deepEqual(snapshot.diagnostics, [
      {
        severity: 'warning',
        where: 'launchdarkly:production',
        message: 'launchdarkly production: flag "half-migrated" has an unexpected shape (expected a "key" string and a "variations" array); skipped',
      },
    ]);
  });

  it('names the token setting on 403', async () => {
    server.behaviour.forbidden = 'all';
    const snapshot = await source().load({ env: env() });
    assert.equal(
      snapshot.diagnostics[0].message,
      'launchdarkly production: 403 Forbidden: the token in $LD_API_TOKEN may not read project "default" / environment "production"; use an access token with at least the reader role; no cached state to fall back on',
    );
  });

  it('still loads the flags when only the flag statuses are forbidden', async () => {
    server.behaviour.forbidden = 'statuses';
    const snapshot = await source().load({ env: env() });
    assert.equal(snapshot.health, 'ok');
    assert.equal(snapshot.states.length, 8);
    assert.equal(snapshot.states[0].lifecycleStage, undefined);
    assert.deepEqual(snapshot.diagnostics, [
      {
        severity: 'info',
        where: 'launchdarkly:production',
        message:
          'launchdarkly production: 403 Forbidden: the token in $LD_API_TOKEN may not read project "default" / environment "production"; use an access token with at least the reader role; flag statuses (launched, inactive, last requested) left out',
      },
    ]);
  });

  it('names project, environment and baseUrl on 404', async () => {
    const snapshot = await source({ project: 'shop' }).load({ env: env() });
    assert.equal(
      snapshot.diagnostics[0].message,
      `launchdarkly production: 404 Not Found: /api/v2/flags/shop does not exist; check "project" ("shop"), "environment" ("production") and "baseUrl" (${server.baseUrl}); no cached state to fall back on`,
    );
  });

  it('revalidates with If-None-Match on refresh and reuses the cached bodies on 304', async () => {
    const s = source();
    const first = await s.load({ env: env() });
    const again = await s.refresh({ env: env() });
    assert.equal(again.health, 'ok');
    assert.deepEqual(again.states, first.states);
    const second = server.requests.slice(4);
    assert.equal(second.length, 4);
    assert.ok(second.every((r) => r.status === 304 && r.ifNoneMatch?.startsWith('"')));
  });

  it('load() answers from memory within a minute; refresh() asks the server', async () => {
    const s = source();
    await s.load({ env: env() });
    await s.load({ env: env() });
    assert.equal(server.requests.length, 4);
    await s.refresh({ env: env() });
    assert.equal(server.requests.length, 8);
    await source().load({ env: env() });
    assert.equal(server.requests.length, 8, 'another source object of the same process shares the memory');
    await source().load({ env: env(), refresh: true });
    assert.equal(server.requests.length, 12);
  });
});
