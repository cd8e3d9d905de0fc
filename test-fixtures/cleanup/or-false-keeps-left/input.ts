export function run(client: Client, user: User) {
  if (user.beta || client.isEnabled('new-checkout')) {
    go();
  }
}
