module.exports = require('../scripts/test/mocharc.cjs')({ spec: 'test/**/*.test.ts', timeout: 20000 });
