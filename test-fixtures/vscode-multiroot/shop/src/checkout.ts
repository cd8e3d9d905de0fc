import { OpenFeature } from '@openfeature/web-sdk';

const client = OpenFeature.getClient();

export function checkoutVariant(): string {
  return client.getBooleanValue('new-checkout', false) ? 'one-page' : 'classic';
}

export function showPromo(): boolean {
  return client.getBooleanValue('promo-banner', false);
}
