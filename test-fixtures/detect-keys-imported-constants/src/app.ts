import { CART_KEY, DEFAULTS, FeatureFlags, Flag, GROUPS, INTERNAL_TOOLS, NEW_CART } from './flags';
import * as keys from './flags/keys';
import defaults from './flags/keys.js';

declare const flags: { isEnabled(key: string): boolean };

export const app = [
  flags.isEnabled(NEW_CART),
  flags.isEnabled(Flag.Reviews),
  flags.isEnabled(GROUPS.search.FUZZY),
  flags.isEnabled(INTERNAL_TOOLS),
  flags.isEnabled(CART_KEY),
  flags.isEnabled(DEFAULTS.EXPORT_CSV),
  flags.isEnabled(keys.NEW_CART),
  flags.isEnabled(defaults.EXPORT_CSV),
  flags.isEnabled(FeatureFlags.NEW_UI),
  flags.isEnabled(FeatureFlags.mutable),
];
