import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { TestData } from '@launchdarkly/node-server-sdk/integrations';
import { mockFlags } from 'jest-launchdarkly-mock';

const td = TestData();

beforeEach(() => {
  OpenFeature.setProvider(
    new InMemoryProvider({
      'dark-mode': { variants: { on: true, off: false }, defaultVariant: 'off', disabled: false },
    }),
  );
  td.update(td.flag('dark-mode').booleanFlag().variationForAll(false));
  mockFlags({ darkMode: false });
  growthbook.setForcedFeatures(new Map([]));
  jest.mocked(useFlags).mockReturnValue({ darkMode: true });
  analytics.track('checkout', { newCheckout: true });
});
