import { Unleash } from 'unleash-client';

export function checkoutCopy(resolver: Unleash) {
  const { payload } = resolver.getVariant('checkout-variant');
  return payload?.value ?? 'Pay now';
}
