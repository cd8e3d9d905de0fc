export function f(client: Client, a: boolean) {
  return !(client.isEnabled('new-checkout')) || (a);
}
