export function f(client: Client) {
  const total = 1;
  if (client.isEnabled('new-checkout')) {
    const total = 2;
    use(total);
  }
  return total;
}
