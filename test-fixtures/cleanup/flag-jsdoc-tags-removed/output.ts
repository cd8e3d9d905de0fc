import { client } from './client';

/**
 * Renders the cart.
 */
export function cart() {
  return 'new';
}

export function pay() {
  return 'stripe';
}

/** @flag dark-mode */
export function theme() {
  return client.isEnabled('dark-mode') ? 'dark' : 'light';
}
