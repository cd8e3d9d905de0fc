export function layout(client: Client) {
  return twoColumn();
}
