export function label(client: Client) {
  return 'Checkout';
}
