function isNewCheckout() {
  return flags.isEnabled('new-checkout');
}

export function run(items: Item[]) {
  register(isNewCheckout);
  return isNewCheckout() ? items : [];
}
