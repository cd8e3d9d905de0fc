/**
 * New checkout flow for EU customers.
 * @flag checkout-eu
 * @expires 2026-12-31
 * @owner team-payments
 * @flagType release
 */
export const CHECKOUT_EU = 'checkout-eu';

/** @flag old-banner @expires 2026-02-30 @owner @web-team */
export const OLD_BANNER = 'old-banner';

export const Flags = {
  /** @expires never @flagType ops @ownr someone */
  KILL_SWITCH: 'kill-switch',
  /** Not a flag annotation: no flag tags here. @see docs */
  PLAIN: 'plain',
} as const;

/** @flag orphan-flag @expires 2027-1-15 @flagType experiment @expires 2027-01-16 */
