export function checkout(client: Client) {
  return modern();
}
