export function boot(client: Client) {
  start();
}
