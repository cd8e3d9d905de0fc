export function run(client: Client, user: User) {
  if (user.beta) {
    go();
  }
}
