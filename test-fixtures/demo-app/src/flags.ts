/** Every flag key the shop reads, in one place. */
export const FLAGS = {
  /**
   * @flag new-checkout
   * @expires 2026-11-19
   * @owner payments
   * @flagType release
   */
  NEW_CHECKOUT: 'new-checkout',
  /** @expires 2026-12-01 @owner marketing */
  HOLIDAY_BANNER: 'holiday-banner',
  NEW_SEARCH: 'new-search',
} as const;

export enum OpsFlag {
  /** @expires never @flagType ops */
  NightlyReindex = 'nightly-reindex',
}

export type FlagKey = (typeof FLAGS)[keyof typeof FLAGS];
