export function label(client: Client) {
  return client.isEnabled('new-checkout') ? 'Pay now' : 'Checkout';
}
