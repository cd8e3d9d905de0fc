export function poll(client: Client) {
  return done();
}
