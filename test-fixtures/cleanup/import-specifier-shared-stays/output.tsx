import { useVariant } from '@unleash/proxy-client-react';

export function Cart() {
  const variant = useVariant('cart-color');
  return <NewCart color={variant} />;
}
