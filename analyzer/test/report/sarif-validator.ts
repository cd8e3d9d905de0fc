import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The official SARIF 2.1.0 schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json, vendored as test data).
 * Two quirks of that file need care, neither loosens what our output is checked against:
 * - it nests one `anyOf` inside region.properties, which fails meta-schema validation, so the meta check is off
 *   (Ajv then treats that entry as an optional property named "anyOf");
 * - its language patterns use the .NET inline flag `(?i)`, which JavaScript lacks: it is turned into the `i` flag.
 */
export const SARIF_SCHEMA_FILE = path.resolve(__dirname, '../../../test-fixtures/sarif-schema/sarif-2.1.0.json');

function regExp(pattern: string, flags: string): RegExp {
  return pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags);
}
regExp.code = 'new RegExp';

export function sarifValidator(): (log: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, code: { regExp } });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, 'utf8')));
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
