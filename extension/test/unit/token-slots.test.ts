import * as assert from 'node:assert/strict';
import { resolveConfig, type SourceConfig } from '@flagsweep/analyzer';
import { secretKey, slotLabel, tokenEnvironment, tokenSlots } from '../../src/mapping/token-slots';
import { TokenStore } from '../../src/workspace/secrets';

const sources = (source: unknown): SourceConfig[] => resolveConfig({ source }, '/ws').sources;

/** SecretStorage as VS Code gives it, in memory. */
function fakeSecrets() {
  const data = new Map<string, string>();
  const listeners: ((e: { key: string }) => void)[] = [];
  return {
    data,
    get: async (key: string) => data.get(key),
    store: async (key: string, value: string) => {
      data.set(key, value);
      for (const l of listeners) l({ key });
    },
    delete: async (key: string) => {
      data.delete(key);
      for (const l of listeners) l({ key });
    },
    keys: async () => [...data.keys()],
    onDidChange: (l: (e: { key: string }) => void) => {
      listeners.push(l);
      return { dispose: () => undefined };
    },
  };
}

describe('token slots: SecretStorage keyed by service origin and tokenEnv', () => {
  it('keys include the origin (no path, no credentials) and the tokenEnv', () => {
    const slots = tokenSlots(sources([{ type: 'flagd' }, { type: 'unleash', url: 'https://unleash.example.com/api/' }, { type: 'launchdarkly' }]));
    assert.deepEqual(slots, [
      { origin: 'https://unleash.example.com', tokenEnv: 'UNLEASH_TOKEN' },
      { origin: 'https://app.launchdarkly.com', tokenEnv: 'LD_API_TOKEN' },
    ]);
    assert.equal(secretKey(slots[0]), 'flagsweep.token.https://unleash.example.com#UNLEASH_TOKEN');
    assert.equal(slotLabel(slots[1]), 'LD_API_TOKEN for https://app.launchdarkly.com');
    assert.deepEqual(tokenSlots(sources({ type: 'unleash', url: 'https://admin:pw@unleash.example.com' })), [{ origin: 'https://unleash.example.com', tokenEnv: 'UNLEASH_TOKEN' }]);
  });

  it('a token entered for one origin is never handed out for another origin naming the same tokenEnv', async () => {
    const secrets = fakeSecrets();
    const store = new TokenStore(secrets as never);
    const mine = sources({ type: 'unleash', url: 'https://unleash.example.com' });
    await store.set(tokenSlots(mine)[0], 'secret-for-example');
    assert.deepEqual(await store.env(mine), { env: { UNLEASH_TOKEN: 'secret-for-example' }, conflicts: [] });
    // Another (trusted) workspace: same tokenEnv, its own url.
    const theirs = sources({ type: 'unleash', url: 'https://attacker.example.net', tokenEnv: 'UNLEASH_TOKEN' });
    assert.deepEqual(await store.env(theirs), { env: { UNLEASH_TOKEN: undefined }, conflicts: [] });
    // Same host, another port or scheme: another origin.
    assert.equal((await store.env(sources({ type: 'unleash', url: 'http://unleash.example.com' }))).env.UNLEASH_TOKEN, undefined);
    assert.equal((await store.env(sources({ type: 'unleash', url: 'https://unleash.example.com:8443' }))).env.UNLEASH_TOKEN, undefined);
    // A token stored under the old key (tokenEnv only) is not used for anything.
    secrets.data.set('flagsweep.token.UNLEASH_TOKEN', 'old-unscoped');
    assert.equal((await store.env(theirs)).env.UNLEASH_TOKEN, undefined);
  });

  it('one tokenEnv for two origins in one config: neither gets a token, and the conflict is named', () => {
    const slots = tokenSlots(sources([{ type: 'unleash', url: 'https://a.example.com' }, { type: 'unleash', url: 'https://b.example.com', environment: 'staging' }]));
    const stored = new Map([[secretKey(slots[0]), 'token-a'], [secretKey(slots[1]), 'token-b']]);
    assert.deepEqual(tokenEnvironment(slots, (k) => stored.get(k)), {
      env: {},
      conflicts: ['UNLEASH_TOKEN is the tokenEnv of https://a.example.com and https://b.example.com: give each service its own tokenEnv; no token is used for them'],
    });
  });

  it('clear forgets only that slot; onDidChange fires for token keys only', async () => {
    const secrets = fakeSecrets();
    const store = new TokenStore(secrets as never);
    let changes = 0;
    store.onDidChange(() => changes++);
    const [a] = tokenSlots(sources({ type: 'unleash', url: 'https://a.example.com' }));
    const [b] = tokenSlots(sources({ type: 'launchdarkly' }));
    await store.set(a, 'token-a');
    await store.set(b, 'token-b');
    await secrets.store('other.extension.key', 'x');
    await store.clear(a);
    assert.deepEqual([...secrets.data.keys()].sort(), ['flagsweep.token.https://app.launchdarkly.com#LD_API_TOKEN', 'other.extension.key']);
    assert.equal(changes, 3);
  });
});
