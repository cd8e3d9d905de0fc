export function enabled(client?: Client) {
  return true;
}
