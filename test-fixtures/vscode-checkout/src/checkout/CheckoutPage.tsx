import { useFlag } from '@unleash/proxy-client-react';
import { LegacyCheckout } from './LegacyCheckout';
import { OnePageCheckout } from './OnePageCheckout';

export function CheckoutPage() {
  if (useFlag('new-checkout')) {
    return <OnePageCheckout />;
  }
  return <LegacyCheckout />;
}
