import { client } from './client';
import { FLAGS } from './flags';

/** The new checkout flow is on. */
export function isNewCheckout(): boolean {
  return client.isEnabled(FLAGS.NEW_CHECKOUT, false);
}

/** Evaluated once at startup. */
export const NEW_CHECKOUT_AT_BOOT = client.isEnabled(FLAGS.NEW_CHECKOUT, false);

export const isDarkMode = (): boolean => client.isEnabled(FLAGS.DARK_MODE, false);
