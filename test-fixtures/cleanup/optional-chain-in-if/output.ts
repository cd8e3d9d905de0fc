export function maybe(client?: Client) {
  return 'new';
}
