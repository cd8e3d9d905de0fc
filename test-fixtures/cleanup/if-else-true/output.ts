export function checkout(cart: Cart) {
  // decide which flow to use
  const total = sum(cart);
  return renderNew(total);
}
