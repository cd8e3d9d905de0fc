export function pick(client: Client, user: User) {
  if (user.admin) {
    return 'admin';
  } else if (client.isEnabled('new-checkout')) {
    return 'new';
  } else {
    return 'old';
  }
}
