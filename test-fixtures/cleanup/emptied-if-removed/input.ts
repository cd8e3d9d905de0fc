export function nested(client: Client, user: User) {
  if (user.admin) {
    if (client.isEnabled('new-checkout')) {
      audit(user);
    }
  }
  if (refresh()) {
    if (client.isEnabled('new-checkout')) {
      audit(user);
    }
  }
  done();
}
