export function layout(client: Client) {
  return oneColumn();
}
