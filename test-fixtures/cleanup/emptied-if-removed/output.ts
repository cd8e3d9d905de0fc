export function nested(client: Client, user: User) {
  refresh();
  done();
}
