export function settings(client: Client) {
  const newCheckout = client.isEnabled('new-checkout');
  return { newCheckout, theme: 'light' };
}
