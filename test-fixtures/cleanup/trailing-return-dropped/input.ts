export function submit(client: Client, order: Order) {
  if (!client.isEnabled('new-checkout')) {
    legacySubmit(order);
    return;
  }
  track('checkout');
  send(order);
}

export function warm(client: Client) {
  if (!client.isEnabled('new-checkout')) return;
  prefetch();
}

export function loop(client: Client, items: Item[]) {
  for (const item of items) {
    if (client.isEnabled('new-checkout')) {
      fast(item);
    } else {
      slow(item);
      return;
    }
  }
}
