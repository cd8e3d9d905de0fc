export function warm(client: Client) {
  !!(prefetch() || client.isEnabled('new-checkout'));
  const ready = check() || client.isEnabled('new-checkout');
  return ready;
}
