export function run(client: Client) {
  if (refresh() || client.isEnabled('new-checkout')) {
    go();
  }
}
