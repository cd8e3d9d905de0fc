export function nested(client: Client, user: User) {
  if (user.admin) {
    if (client.isEnabled('new-checkout')) {
      audit(user);
    }
    grant(user);
  }
}
