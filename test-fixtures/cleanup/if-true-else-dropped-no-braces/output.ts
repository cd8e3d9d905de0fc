export function pick(client: Client) {
  modern();
  finish();
}
