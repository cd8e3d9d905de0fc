export function nested(client: Client, user: User) {
  if (user.admin) {
    grant(user);
  }
}
