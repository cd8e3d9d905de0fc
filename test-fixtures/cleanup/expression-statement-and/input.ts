export function boot(client: Client) {
  client.isEnabled('new-checkout') && warmUp();
  start();
}
