import sdk = require('@openfeature/server-sdk');

export const compact = sdk.OpenFeature.getClient().getBooleanValue('import-equals', false);
