import { client } from './client';

/**
 * Renders the cart.
 * @flag new-checkout
 * @expires 2026-01-01
 * @owner team-cart
 */
export function cart() {
  return client.isEnabled('new-checkout') ? 'new' : 'old';
}

/** @flag new-checkout @expires 2026-01-01 */
export function pay() {
  return client.isEnabled('new-checkout') ? 'stripe' : 'legacy';
}

/** @flag dark-mode */
export function theme() {
  return client.isEnabled('dark-mode') ? 'dark' : 'light';
}
