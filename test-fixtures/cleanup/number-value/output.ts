export function limit(client: Client, items: Item[]) {
  return items.slice(0, 20);
}
