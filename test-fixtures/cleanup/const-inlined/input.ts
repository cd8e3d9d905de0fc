export function checkout(client: Client, cart: Cart) {
  const useNew = client.isEnabled('new-checkout');
  log('checkout');
  return useNew ? renderNew(cart) : renderOld(cart);
}
