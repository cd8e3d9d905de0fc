export function show(client: Client, user: User) {
  return client.isEnabled('new-checkout') && user.active;
}
