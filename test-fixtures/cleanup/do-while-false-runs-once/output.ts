export function send(client: Client) {
  attempt();
}
