export function run(client: Client) {
  if (refresh() || true) {
    go();
  }
}
