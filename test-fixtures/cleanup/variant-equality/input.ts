export function layout(client: Client) {
  const variant = client.getVariant('checkout-variant', 'a');
  if (variant === 'b') {
    return twoColumn();
  }
  return oneColumn();
}
