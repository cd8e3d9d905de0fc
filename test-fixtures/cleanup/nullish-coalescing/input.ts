export function enabled(client?: Client) {
  return client?.isEnabled('new-checkout') ?? false;
}
