export function show(client: Client, user: User) {
  return user.active;
}
