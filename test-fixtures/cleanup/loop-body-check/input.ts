export function each(client: Client, items: Item[]) {
  for (const item of items) {
    if (client.isEnabled('new-checkout')) {
      item.render();
    } else {
      item.legacy();
    }
  }
}
