export function scan(client: Client, items: number[]) {
  let total = 0;
  for (const n of items) {
    total += n;
    if (client.isEnabled('stop-early')) {
      break;
    }
  }
  return total;
}
