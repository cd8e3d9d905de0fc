export function banner(client: Client) {
  return `Hello, world`;
}
