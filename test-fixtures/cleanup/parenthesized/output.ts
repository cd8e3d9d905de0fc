export function f(client: Client, a: boolean) {
  return a;
}
