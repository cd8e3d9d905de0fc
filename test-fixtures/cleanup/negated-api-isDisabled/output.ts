export function render(client: Client) {
  return fresh();
}
