import { client } from './client';

enum CheckoutFlags {
  NewCheckout = 'new-checkout',
}

const CART_FLAGS = {
  NEW_CHECKOUT: 'new-checkout',
} as const;

export function run() {
  return client.isEnabled(CheckoutFlags.NewCheckout) || client.isEnabled(CART_FLAGS.NEW_CHECKOUT);
}
