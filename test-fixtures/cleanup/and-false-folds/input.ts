export function show(client: Client, user: User) {
  if (user.active && client.isEnabled('new-checkout')) {
    promote(user);
  }
}
