import { client } from './client';

export function label(): string {
  return client.isEnabled('new-' + 'checkout') ? 'Pay now' : 'Continue';
}
