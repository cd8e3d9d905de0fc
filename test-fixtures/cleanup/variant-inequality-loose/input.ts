export function layout(client: Client) {
  if (client.getVariant('checkout-variant', 'a') != 'b') {
    return oneColumn();
  }
  return twoColumn();
}
