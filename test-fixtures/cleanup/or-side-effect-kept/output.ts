export function run(client: Client) {
  refresh();
  go();
}
