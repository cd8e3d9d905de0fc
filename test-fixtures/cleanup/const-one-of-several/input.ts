export function checkout(client: Client, cart: Cart) {
  const total = sum(cart), useNew = client.isEnabled('new-checkout');
  if (useNew) {
    return renderNew(total);
  }
  return renderOld(total);
}
