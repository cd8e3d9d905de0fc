export function layout(client: Client) {
  setup('b');
  return twoColumn();
}
