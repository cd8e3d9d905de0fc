function isNewCheckout() {
  return true;
}

export function run(items: Item[]) {
  register(isNewCheckout);
  return items;
}
