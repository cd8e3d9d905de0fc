const flags = require('./flags-client');
module.exports = flags.isEnabled('from-cjs');
