export function track(client: Client) {
  analytics.send('checkout', { variant: 'new' });
}
