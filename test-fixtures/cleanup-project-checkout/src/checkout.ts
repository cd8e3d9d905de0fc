import { client } from './client';
import { FLAGS } from './flags';
import { formatPrice } from './format';

export interface Cart {
  items: { price: number }[];
}

export function checkoutTitle(): string {
  return client.isEnabled(FLAGS.NEW_CHECKOUT, false) ? 'Pay now' : 'Checkout';
}

export function total(cart: Cart): string {
  const sum = cart.items.reduce((acc, item) => acc + item.price, 0);
  if (!client.isEnabled(FLAGS.NEW_CHECKOUT, false)) {
    return formatPrice(sum * 1.2);
  }
  return formatPrice(sum);
}
