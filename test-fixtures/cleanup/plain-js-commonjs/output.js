const { client } = require('./client');

function checkout(cart) {
  return renderOld(cart);
}

module.exports = { checkout };
