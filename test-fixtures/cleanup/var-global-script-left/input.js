var newCheckout = flags.isEnabled('new-checkout');

function render() {
  return newCheckout ? 'new' : 'old';
}
