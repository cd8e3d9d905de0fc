export function poll(client: Client) {
  while (client.isEnabled('polling')) {
    tick();
  }
  return done();
}
