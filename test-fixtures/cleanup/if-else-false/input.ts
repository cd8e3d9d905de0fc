import { client } from './flags';

export function checkout(cart: Cart) {
  if (client.isEnabled('new-checkout')) {
    return renderNew(cart);
  } else {
    return renderOld(cart);
  }
}
