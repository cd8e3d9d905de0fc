export function total(client: Client, a: number, b: number) {
  return 2 * (client.isEnabled('new-checkout') ? a + b : a);
}
