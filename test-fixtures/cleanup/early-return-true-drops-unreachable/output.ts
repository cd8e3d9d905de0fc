export function price(client: Client, cart: Cart): number {
  return newPrice(cart);
}
