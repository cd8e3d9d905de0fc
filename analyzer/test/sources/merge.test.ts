import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../src/config';
import { loadFlagStates } from '../../src/sources';
import { startLdContractServer, type LdContractServer } from './ld-contract-server';

const fixture = path.resolve(__dirname, '../../../test-fixtures/sources-merge-file-and-service');

describe('loadFlagStates: merging the flag file with a live service (sources-merge-file-and-service)', () => {
  let server: LdContractServer;
  let root: string;
  before(async () => {
    server = await startLdContractServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-merge-'));
    fs.copyFileSync(path.join(fixture, 'flags.flagd.json'), path.join(root, 'flags.flagd.json'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('takes live state from the last source that knows a flag and metadata from the first that has it', async () => {
    const config = resolveConfig({ source: [{ type: 'flagd', path: 'flags.flagd.json' }, { type: 'launchdarkly', baseUrl: server.baseUrl }] }, root);
    const { states, snapshots, diagnostics } = await loadFlagStates(config, { env: { LD_API_TOKEN: server.token } });
    assert.deepEqual(snapshots.map((s) => [s.id, s.health, s.states.length]), [
      ['flagd:flags.flagd.json', 'ok', 3],
      ['launchdarkly:production', 'ok', 8],
    ]);
    assert.deepEqual(diagnostics, []);
    assert.equal(states.size, 9);

    const checkout = states.get('new-checkout')!;
    assert.equal(checkout.source, 'launchdarkly:production');
    assert.equal(checkout.enabled, true, 'live state from LaunchDarkly, not the DISABLED in the file');
    assert.deepEqual(checkout.winner, { kind: 'value', value: true, variant: 'true' });
    assert.equal(checkout.owner, 'team-payments', 'owner from the file, the first source that sets it');
    assert.equal(checkout.expires, '2026-12-31');
    assert.equal(checkout.lifecycleStage, 'launched');

    const dark = states.get('dark-mode')!;
    assert.equal(dark.expires, '2027-03-01', 'a written expiry beats the permanent-flag estimate');
    assert.equal(dark.expiresEstimate, undefined);

    assert.equal(states.get('local-only')!.source, 'flagd:flags.flagd.json');
    assert.equal(states.get('local-only')!.owner, 'team-web');
    assert.equal(states.get('beta-dashboard')!.owner, 'ariel@example.com', 'metadata from the service when the file has none');
  });

  it('keeps an estimated expiry when no source writes one', async () => {
    const config = resolveConfig({ source: [{ type: 'launchdarkly', baseUrl: server.baseUrl }, { type: 'flagd' }] }, root);
    const { states } = await loadFlagStates(config, { env: { LD_API_TOKEN: server.token } });
    assert.equal(states.get('dark-mode')!.source, 'flagd:flags.flagd.json', 'the later source wins the live state');
    assert.equal(states.get('dark-mode')!.expires, '2027-03-01');
    const pricing = states.get('pricing-experiment')!;
    assert.equal(pricing.expires, undefined);
  });
});
