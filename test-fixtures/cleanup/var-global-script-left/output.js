var newCheckout = true;

function render() {
  return newCheckout ? 'new' : 'old';
}
