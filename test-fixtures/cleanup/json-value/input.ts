export function theme(client: Client) {
  return client.getVariant('theme-config', null);
}
