// Regenerates schema/flagsweep.schema.json from the runtime config schema (run after tsc).
const fs = require('node:fs');
const path = require('node:path');
const { configJsonSchema } = require('../dist/config/json-schema');
const out = path.join(__dirname, '..', 'schema', 'flagsweep.schema.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(configJsonSchema(), null, 2) + '\n');
