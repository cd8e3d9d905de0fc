import { client } from './client';

export function isNewCheckout(): boolean {
  return client.isEnabled('new-checkout');
}
