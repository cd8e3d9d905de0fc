function unleash() {
  const { getInstance } = require('unleash-client');
  return getInstance();
}

exports.enabled = () => unleash().isEnabled('lazy-require');
