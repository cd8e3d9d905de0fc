module.exports = require('../scripts/test/mocharc.cjs')({ spec: 'test/unit/**/*.test.ts' });
