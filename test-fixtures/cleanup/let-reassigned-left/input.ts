export function checkout(client: Client, force: boolean) {
  let enabled = client.isEnabled('new-checkout');
  if (force) enabled = false;
  return enabled ? modern() : legacy();
}
