export function checkout(client: Client, cart: Cart) {
  const total = sum(cart);
  return renderOld(total);
}
