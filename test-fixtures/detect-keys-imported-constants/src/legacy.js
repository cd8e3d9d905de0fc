const { NEW_CART } = require('./flags/keys');
const allKeys = require('./flags');

exports.legacy = (flags) => flags.isEnabled(NEW_CART) || flags.isEnabled(allKeys.Flag.Reviews);
