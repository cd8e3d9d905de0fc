export function price(client: Client, cart: Cart): number {
  if (client.isEnabled('new-checkout')) return newPrice(cart);
  const base = oldPrice(cart);
  return base * 1.1;
}
