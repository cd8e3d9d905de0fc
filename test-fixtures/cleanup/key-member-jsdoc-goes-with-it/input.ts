import { client } from './client';

/** Every flag key, in one place. */
const FLAGS = {
  /**
   * @flag new-checkout
   * @expires 2026-11-19
   * @owner payments
   */
  NEW_CHECKOUT: 'new-checkout',
  /** @expires 2026-12-01 */
  DARK_MODE: 'dark-mode',
} as const;

enum Ops {
  /** @expires never */
  Reindex = 'reindex',
  /** @owner payments */
  Checkout = 'new-checkout',
}

export function run() {
  if (!client.isEnabled(FLAGS.NEW_CHECKOUT)) return null;
  if (!client.isEnabled(Ops.Checkout)) return null;
  return client.isEnabled(FLAGS.DARK_MODE) && client.isEnabled(Ops.Reindex) ? 'dark' : 'light';
}
