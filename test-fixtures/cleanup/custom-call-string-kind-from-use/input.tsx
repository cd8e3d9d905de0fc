import { flags } from './flags';

export function Checkout() {
  if (flags.getStringValue('layout', 'control') === 'treatment') {
    return <TwoColumnCheckout />;
  }
  return <OneColumnCheckout />;
}

export function checkoutTitle() {
  switch (flags.getStringValue('layout', 'control')) {
    case 'treatment':
      return 'Checkout';
    default:
      return 'Your cart';
  }
}
