export function total(client: Client, a: number, b: number) {
  return 2 * (a + b);
}
