export function track(client: Client) {
  analytics.send('checkout', { variant: client.isEnabled('new-checkout') ? 'new' : 'old' });
}
