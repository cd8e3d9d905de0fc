export function maybe(client?: Client) {
  if (client?.isEnabled('new-checkout')) {
    return 'new';
  }
  return 'old';
}
