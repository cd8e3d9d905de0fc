export function settings(client: Client) {
  return { newCheckout: true, theme: 'light' };
}
