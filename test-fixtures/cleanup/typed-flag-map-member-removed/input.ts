import { client } from './client';

interface FeatureFlags {
  newCheckout: boolean;
  darkMode: boolean;
}

interface Options {
  retries?: number;
  flags: { newCheckout: boolean; search?: boolean };
}

export const defaultFlags: FeatureFlags = {
  newCheckout: false,
  darkMode: true,
};

export const testOptions: Options = { flags: { newCheckout: true } };

export const optional: Partial<FeatureFlags> = { newCheckout: true };

export function checkout() {
  return client.isEnabled('new-checkout') ? 'new' : 'old';
}
