import { useFlag, useVariant } from '@unleash/proxy-client-react';

export function Cart() {
  const variant = useVariant('cart-color');
  return useFlag('new-checkout') ? <NewCart color={variant} /> : <OldCart />;
}
