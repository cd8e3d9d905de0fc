import rule from '../src/rules/no-dynamic-flag-key';
import { createRuleTester, espree, fileIn, HEADER } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();

ruleTester.run('no-dynamic-flag-key', rule, {
  valid: [
    { name: 'string literal', code: `${HEADER}client.getBooleanValue('new-checkout', false);`, filename },
    { name: 'local constant', code: `${HEADER}const K = 'new-checkout';\nclient.getBooleanValue(K, false);`, filename },
    { name: 'imported constant', code: `${HEADER}import { BETA_SEARCH } from './registry';\nclient.getBooleanValue(BETA_SEARCH, false);`, filename },
    { name: 'template literal without substitutions', code: `${HEADER}client.getBooleanValue(\`dark-mode\`, false);`, filename },
    { name: 'not a flag check', code: `declare function lookup(k: string): boolean;\ndeclare const name: string;\nlookup(name);`, filename },
    {
      name: 'the body of a wrapper the config declares as a pattern (its callers are the flag reads)',
      code: `${HEADER}export function isOn(name: string) {\n  return client.getBooleanValue(name, false);\n}`,
      filename,
      settings: { flagsweep: { patterns: [{ call: 'isOn', key: 0 }] } },
    },
  ],
  invalid: [
    {
      name: 'a parameter',
      code: `${HEADER}export function isOn(name: string) {\n  return client.getBooleanValue(name, false);\n}`,
      filename,
      errors: [{ messageId: 'dynamicKey', data: { expression: 'name', reason: '`name` is a function parameter; if isOn is a flag wrapper, add { "call": "isOn", "key": 0 } to patterns' }, line: 4, column: 33, endLine: 4, endColumn: 37 }],
    },
    {
      name: 'a template literal with a substitution',
      code: `${HEADER}declare const team: string;\nclient.getBooleanValue(\`\${team}-beta\`, false);`,
      filename,
      errors: [{ messageId: 'dynamicKey', data: { expression: '`${team}-beta`', reason: 'template literal with a non-constant substitution' }, line: 4, column: 24 }],
    },
    {
      name: 'a conditional between two keys names both (neither can be cleaned up by a tool)',
      code: `${HEADER}declare const isNew: boolean;\nclient.getBooleanValue(isNew ? 'new-taxes' : 'old-taxes', false);`,
      filename,
      errors: [{ messageId: 'dynamicKey', data: { expression: "isNew ? 'new-taxes' : 'old-taxes'", reason: "conditional expression: one of 'new-taxes', 'old-taxes'" }, line: 4, column: 24 }],
    },
    {
      name: 'a long multi-line expression is named on one line, shortened',
      code: `${HEADER}declare function pick(a: string, b: string, c: string): string;\nclient.getBooleanValue(\n  pick('alpha-one', 'beta-two',\n    'gamma-three-and-more-words-here'),\n  false,\n);`,
      filename,
      errors: [
        {
          messageId: 'dynamicKey',
          data: { expression: "pick('alpha-one', 'beta-two', 'gamma-three-and-more-words-h…", reason: 'call result' },
          line: 5,
          column: 3,
          endLine: 6,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'JS with the default parser',
      code: `import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport const on = (k) => client.getBooleanValue(k, false);`,
      filename: fileIn('src/on.js'),
      languageOptions: espree,
      errors: [{ messageId: 'dynamicKey', data: { expression: 'k', reason: '`k` is a function parameter; if on is a flag wrapper, add { "call": "on", "key": 0 } to patterns' }, line: 3, column: 49 }],
    },
  ],
});
