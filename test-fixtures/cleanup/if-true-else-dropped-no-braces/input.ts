export function pick(client: Client) {
  if (client.isEnabled('new-checkout')) modern();
  else legacy();
  finish();
}
