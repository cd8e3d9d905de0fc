export function render(client: Client) {
  if (client.isDisabled('new-checkout')) {
    return old();
  }
  return fresh();
}
