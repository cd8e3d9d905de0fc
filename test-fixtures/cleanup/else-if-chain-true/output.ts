export function pick(client: Client, user: User) {
  if (user.admin) {
    return 'admin';
  } else {
    return 'new';
  }
}
