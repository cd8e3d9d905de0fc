/**
 * The new one-page checkout.
 * @flag new-checkout
 * @expires 2026-10-31
 * @owner team-checkout
 * @flagType release
 */
export const NEW_CHECKOUT = 'new-checkout';
