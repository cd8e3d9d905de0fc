import { client } from './client';
import { FLAGS } from './flags';

export function cartBadge(count: number): string | null {
  const newCheckout = client.isEnabled(FLAGS.NEW_CHECKOUT, false);
  const dark = client.isEnabled(FLAGS.DARK_MODE, false);
  if (newCheckout && count > 0) {
    return dark ? `(${count})` : `[${count}]`;
  }
  return null;
}
