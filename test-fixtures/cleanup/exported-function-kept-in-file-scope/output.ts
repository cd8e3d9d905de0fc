export function isNewCheckout(): boolean {
  return true;
}
