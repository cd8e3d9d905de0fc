export function Checkout() {
  return <TwoColumnCheckout />;
}

export function checkoutTitle() {
  return 'Checkout';
}
