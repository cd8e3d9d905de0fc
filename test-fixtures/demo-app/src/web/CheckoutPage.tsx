import { useFlag } from '@unleash/proxy-client-react';
import { FLAGS } from '../flags';
import { LegacyCheckout } from './LegacyCheckout';
import { OnePageCheckout } from './OnePageCheckout';

export function CheckoutPage({ cartId }: { cartId: string }) {
  const newCheckout = useFlag(FLAGS.NEW_CHECKOUT);
  if (!newCheckout) {
    return <LegacyCheckout cartId={cartId} />;
  }
  return <OnePageCheckout cartId={cartId} showSavedCards />;
}
