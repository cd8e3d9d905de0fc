import { CHECKOUT_EU, Flags, OLD_BANNER } from './flags';

declare const flags: { isEnabled(key: string): boolean };

export function use() {
  /** @expires 2027-03-01 @owner growth @flagType experimnt */
  const promo = flags.isEnabled('promo-banner');
  return promo && flags.isEnabled(CHECKOUT_EU) && flags.isEnabled(OLD_BANNER) && flags.isEnabled(Flags.KILL_SWITCH);
}
