const newCheckoutOn = () => flags.isEnabled('new-checkout');

export function checkout() {
  return newCheckoutOn() ? modern() : legacy();
}

export function header() {
  return newCheckoutOn() && banner();
}
