import type { FeatureFlags } from './flags';

export const defaultFlags: FeatureFlags = {
  newCheckout: false,
  darkMode: true,
};

export const looseFlags = { newCheckout: false, darkMode: true };
