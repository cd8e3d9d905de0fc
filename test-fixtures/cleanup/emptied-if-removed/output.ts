export function nested(client: Client, user: User) {
  if (refresh()) {
  }
  done();
}
