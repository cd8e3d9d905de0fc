import { client } from './client';

export const NEW_CHECKOUT_ON = client.isEnabled('new-checkout');
