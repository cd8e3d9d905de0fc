export function checkout(cart: Cart) {
  return renderOld(cart);
}
