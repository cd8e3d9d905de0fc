export function pick(client: Client, user: User) {
  if (user.admin) {
    grant(user);
  } else if (client.isEnabled('new-checkout')) {
    upsell(user);
  }
  done();
}
