export function boot(client: Client) {
  warmUp();
  start();
}
