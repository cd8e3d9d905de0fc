export function f(client: Client) {
  const total = 1;
  {
    const total = 2;
    use(total);
  }
  return total;
}
