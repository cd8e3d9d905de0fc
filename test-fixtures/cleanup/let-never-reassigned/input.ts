export function checkout(client: Client) {
  let enabled = client.isEnabled('new-checkout');
  if (!enabled) {
    return legacy();
  }
  return modern();
}
