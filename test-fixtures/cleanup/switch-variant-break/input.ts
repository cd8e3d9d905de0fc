export function layout(client: Client) {
  let cols = 1;
  switch (client.getVariant('checkout-variant', 'a')) {
    case 'b':
      cols = 2;
      break;
    default:
      cols = 3;
      break;
  }
  return cols;
}
