export function run(client: Client, x: boolean) {
  if (true) {
    debug();
  }
  const y = x && true;
  return y;
}
