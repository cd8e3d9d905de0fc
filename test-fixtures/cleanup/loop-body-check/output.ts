export function each(client: Client, items: Item[]) {
  for (const item of items) {
    item.render();
  }
}
