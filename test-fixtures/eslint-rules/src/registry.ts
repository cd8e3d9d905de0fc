/**
 * Spring promotion banner.
 * @flag promo-banner
 * @expires 2026-11-01
 * @owner team-growth
 * @flagType release
 */
export const PROMO_BANNER = 'promo-banner';

/**
 * @flag beta-search
 * @expires 2027-01-15
 * @owner team-search
 */
export const BETA_SEARCH = 'beta-search';

export const UNANNOTATED = 'unannotated-flag';
