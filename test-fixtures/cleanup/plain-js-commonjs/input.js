const { client } = require('./client');

function checkout(cart) {
  if (client.isEnabled('new-checkout')) {
    return renderNew(cart);
  }
  return renderOld(cart);
}

module.exports = { checkout };
