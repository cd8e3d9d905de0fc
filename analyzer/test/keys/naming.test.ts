import * as assert from 'node:assert/strict';
import { keyViolationMessage, keyViolations, namingFindings } from '../../src/keys/naming';
import type { FlagCheck, FlagRecord } from '../../src/model';

const range = { start: 0, end: 5, line: 3, column: 7, endLine: 3, endColumn: 12 };

function read(key: string, keyForm?: 'camelCase'): FlagCheck {
  return { key, keyForm, file: '/p/a.ts', range, keyRange: range, kind: 'call', polarity: 'positive', evaluates: 'boolean', sdk: 'openfeature', pattern: 'p', keyOrigin: 'literal' } as FlagCheck;
}

function record(key: string, extra: Partial<FlagRecord> = {}): FlagRecord {
  return { key, status: 'active', reason: '', usages: [], declarations: [], winner: { kind: 'code-default' }, ...extra };
}

describe('keys/naming: the key-naming policy', () => {
  it('names every way a key breaks the policy, with the sentence every front end shows', () => {
    const v = keyViolations('Pricing_Test_For_Everyone', { case: 'kebab-case', pattern: '^[a-z]', prefixes: ['web-'], maxLength: 20 }, undefined);
    assert.deepEqual(
      v.map((x) => keyViolationMessage('Pricing_Test_For_Everyone', x)),
      [
        "Flag key 'Pricing_Test_For_Everyone' is not kebab-case.",
        "Flag key 'Pricing_Test_For_Everyone' does not match the pattern /^[a-z]/.",
        "Flag key 'Pricing_Test_For_Everyone' must start with 'web-'.",
        "Flag key 'Pricing_Test_For_Everyone' is 25 characters long; keys may have at most 20.",
      ],
    );
  });

  it('takes the prefixes of the flag type instead of the general ones', () => {
    const policy = { prefixes: ['web-'], prefixesByType: { experiment: ['exp-'] } };
    assert.deepEqual(keyViolations('exp-pricing', policy, 'experiment'), []);
    assert.deepEqual(keyViolations('web-pricing', policy, 'experiment'), [{ kind: 'missingPrefix', prefixes: ['exp-'], flagType: 'experiment' }]);
    assert.deepEqual(keyViolations('web-pricing', policy, 'release'), []);
  });

  it('judges keys written in code, at their declaration, and leaves keys only the flag source knows alone', () => {
    const decl = { key: 'Declared_Key', name: 'DECLARED', file: '/p/keys.ts', range };
    const state = { key: 'Source_Only' } as FlagRecord['state'];
    const findings = namingFindings(
      [
        record('Declared_Key', { usages: [read('Declared_Key')], declarations: [decl] }),
        record('Read_Key', { usages: [read('Read_Key')] }),
        record('Source_Only', { status: 'unused', state }),
        record('Annotated_Only', { status: 'unused' }),
        record('unmappedMember', { usages: [read('unmappedMember', 'camelCase')] }),
        record('fine-key', { usages: [read('fine-key')] }),
      ],
      { case: 'kebab-case' },
    );
    assert.deepEqual(
      findings.map((f) => [f.key, f.sites.map((s) => s.file)]),
      [
        ['Declared_Key', ['/p/keys.ts']],
        ['Read_Key', ['/p/a.ts']],
        ['Annotated_Only', []],
      ],
    );
  });

  it('finds nothing when the config sets no policy', () => {
    assert.deepEqual(namingFindings([record('Any_Thing', { usages: [read('Any_Thing')] })], {}), []);
  });
});
