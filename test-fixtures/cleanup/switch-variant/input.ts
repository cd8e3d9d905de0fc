export function layout(client: Client) {
  switch (client.getVariant('checkout-variant', 'a')) {
    case 'a':
      setup('a');
      return oneColumn();
    case 'b':
      setup('b');
      return twoColumn();
    default:
      return fallback();
  }
}
