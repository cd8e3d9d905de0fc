export function send(client: Client) {
  do {
    attempt();
  } while (client.isEnabled('retry-twice'));
}
