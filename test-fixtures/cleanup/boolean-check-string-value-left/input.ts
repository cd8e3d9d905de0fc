export function run(client: Client) {
  return client.isEnabled('new-checkout') ? 1 : 0;
}
