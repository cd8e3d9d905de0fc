import { client } from './flags';

export function checkout(cart: Cart) {
  // decide which flow to use
  if (client.isEnabled('new-checkout')) {
    const total = sum(cart);
    return renderNew(total);
  } else {
    return renderOld(cart);
  }
}
