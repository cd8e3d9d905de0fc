import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { TestData } from '@launchdarkly/node-server-sdk/integrations';
import { mockFlags } from 'jest-launchdarkly-mock';

const td = TestData();

beforeEach(() => {
  OpenFeature.setProvider(
    new InMemoryProvider({
      'new-checkout': { variants: { on: true, off: false }, defaultVariant: 'on', disabled: false },
      'dark-mode': { variants: { on: true, off: false }, defaultVariant: 'off', disabled: false },
    }),
  );
  td.update(td.flag('new-checkout').booleanFlag().variationForAll(true));
  td.update(td.flag('dark-mode').booleanFlag().variationForAll(false));
  mockFlags({ newCheckout: true, darkMode: false });
  growthbook.setForcedFeatures(new Map([['new-checkout', true]]));
  jest.mocked(useFlags).mockReturnValue({ newCheckout: true, darkMode: true });
  analytics.track('checkout', { newCheckout: true });
});
