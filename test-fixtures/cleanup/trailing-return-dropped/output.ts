export function submit(client: Client, order: Order) {
  legacySubmit(order);
}

export function warm(client: Client) {
}

export function loop(client: Client, items: Item[]) {
  for (const item of items) {
    slow(item);
    return;
  }
}
