export function checkout(client: Client, cart: Cart) {
  log('checkout');
  return renderNew(cart);
}
