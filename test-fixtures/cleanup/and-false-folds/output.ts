export function show(client: Client, user: User) {}
