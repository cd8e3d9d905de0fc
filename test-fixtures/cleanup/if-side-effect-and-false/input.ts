export function run(client: Client) {
  if (load() && client.isEnabled('new-checkout')) {
    fresh();
  } else {
    stale();
  }
  return done();
}
