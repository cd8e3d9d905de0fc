import * as assert from 'node:assert/strict';
import { resolveConfig } from '@flagsweep/analyzer';
import { keyPrefixMatcher } from '../../src/engine/completion';

const config = resolveConfig(
  {
    sdks: ['openfeature', 'launchdarkly', 'vercel-flags'],
    patterns: [
      { call: 'isFeatureOn' },
      { call: '*.checkToggle', key: 1 },
      { element: 'featureFlags' },
      { jsx: 'Feature', keyProp: 'flag' },
      { configEntry: 'flag' },
    ],
  },
  '/ws',
);
const typed = keyPrefixMatcher(config);

describe('keyPrefixMatcher (where flag-key completion is offered)', () => {
  const offered: [string, string][] = [
    ["client.getBooleanValue('", ''],
    ['  const on = await client.getBooleanValue("new-ch', 'new-ch'],
    ["ldClient.variation<boolean>('dark", 'dark'],
    ['if (isFeatureOn(`beta', 'beta'],
    ["toggles.checkToggle(ctx, 'new", 'new'],
    ["featureFlags['new-nav", 'new-nav'],
    ['  return <Feature flag="dark-', 'dark-'],
    ["<Feature not flag={'dark", 'dark'],
    ["  { path: '/beta', flag: 'beta-p", 'beta-p'],
    ["const routes = [{ 'flag': 'x", 'x'],
    ["export const showBanner = flag({ key: 'show-b", 'show-b'],
  ];
  for (const [line, expected] of offered) {
    it(`offers keys after ${line.trim()}`, () => assert.equal(typed(line), expected));
  }

  const notOffered = [
    "console.log('",
    "client.getBooleanValue('a', '", // the default value, not the key
    "toggles.checkToggle('", // its key is the second argument
    "const msg = 'flag: '",
    '<Other flag="',
    "<Feature label='",
    "flag({ name: '",
    "other['x",
  ];
  for (const line of notOffered) {
    it(`offers nothing after ${line}`, () => assert.equal(typed(line), undefined));
  }
});
