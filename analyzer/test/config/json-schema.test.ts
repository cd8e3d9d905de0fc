import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { configJsonSchema } from '../../src/config';

const published = path.join(__dirname, '../../schema/flagsweep.schema.json');

describe('published JSON Schema', () => {
  it('is the one generated from the runtime schema', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(published, 'utf8')), configJsonSchema());
  });

  it('accepts the demo config and rejects what the runtime rejects', () => {
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    const demo = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test-fixtures/demo-app/flagsweep.config.json'), 'utf8'));
    assert.ok(validate(demo), JSON.stringify(validate.errors));
    assert.equal(validate({ keys: { case: 'Kebab' } }), false);
    assert.equal(validate({ source: { type: 'flagd', token: 'x' } }), false);
  });
});
