export function run(client: Client) {
  modern();

  finish();
}
