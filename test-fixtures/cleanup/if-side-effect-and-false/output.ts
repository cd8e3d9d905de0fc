export function run(client: Client) {
  load();
  stale();
  return done();
}
