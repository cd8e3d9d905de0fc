export function pick(client: Client, user: User) {
  if (user.admin) {
    grant(user);
  }
  done();
}
