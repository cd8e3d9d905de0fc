import rule from '../src/rules/flag-key-format';
import { createRuleTester, fileIn, HEADER } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();

ruleTester.run('flag-key-format', rule, {
  valid: [
    { name: 'kebab-case key (config policy)', code: `${HEADER}client.getBooleanValue('new-checkout', false);`, filename },
    {
      name: 'experiment with the required prefix',
      code: `${HEADER}// @flag exp-pricing @flagType experiment @expires 2027-01-01\nclient.getStringValue('exp-pricing', 'a');`,
      filename,
    },
    {
      name: 'rule option overrides the config case',
      code: `${HEADER}client.getBooleanValue('new_checkout', false);`,
      filename,
      options: [{ case: 'snake_case' }],
    },
    {
      name: 'settings.flagsweep.keys override the config',
      code: `${HEADER}client.getBooleanValue('NEW_CHECKOUT', false);`,
      filename,
      settings: { flagsweep: { now: '2026-11-22', keys: { case: 'SCREAMING_SNAKE' } } },
    },
    {
      name: 'dot.case with a regex',
      code: `${HEADER}client.getBooleanValue('checkout.onepage', false);`,
      filename,
      options: [{ case: 'dot.case', pattern: '^checkout\\.' }],
      settings: { flagsweep: { now: '2026-11-22', keys: { case: 'dot.case' } } },
    },
    {
      name: 'a key imported from another file is checked there, not reported at each read twice',
      code: `${HEADER}import { PROMO_BANNER } from './registry';\nclient.getBooleanValue(PROMO_BANNER, false);`,
      filename,
    },
    { name: 'dynamic key: nothing to check', code: `${HEADER}declare const k: string;\nclient.getBooleanValue(k, false);`, filename },
  ],
  invalid: [
    {
      name: 'snake_case where kebab-case is required, at the key literal',
      code: `${HEADER}client.getBooleanValue('new_checkout', false);`,
      filename,
      errors: [{ messageId: 'wrongCase', data: { key: 'new_checkout', case: 'kebab-case' }, line: 3, column: 24, endLine: 3, endColumn: 38 }],
    },
    {
      name: 'camelCase option',
      code: `${HEADER}client.getBooleanValue('new-checkout', false);`,
      filename,
      options: [{ case: 'camelCase' }],
      errors: [{ messageId: 'wrongCase', data: { key: 'new-checkout', case: 'camelCase' }, line: 3, column: 24 }],
    },
    {
      name: 'regex, prefixes and max length all broken: one report each',
      code: `${HEADER}client.getBooleanValue('a-very-long-key-that-breaks-every-rule', false);`,
      filename,
      options: [{ pattern: '^[a-z]+-[a-z]+$', prefixes: ['web-', 'api-'], maxLength: 20 }],
      errors: [
        { messageId: 'patternMismatch', data: { key: 'a-very-long-key-that-breaks-every-rule', pattern: '^[a-z]+-[a-z]+$' } },
        { messageId: 'missingPrefix', data: { key: 'a-very-long-key-that-breaks-every-rule', prefixes: "'web-' or 'api-'", forType: '' } },
        { messageId: 'tooLong', data: { key: 'a-very-long-key-that-breaks-every-rule', length: 38, maxLength: 20 } },
      ],
    },
    {
      name: 'experiment flag (type from the flag file) without the exp- prefix',
      code: `${HEADER}client.getStringValue('pricing-test', 'a');`,
      filename,
      errors: [
        {
          messageId: 'missingPrefix',
          data: { key: 'pricing-test', prefixes: "'exp-'", forType: ' (required for experiment flags)' },
          line: 3,
          column: 23,
        },
      ],
    },
    {
      name: 'reported at the declaration in this file, not again at the read',
      code: `${HEADER}/** @flag Legacy_Banner @expires 2027-02-01 */\nconst LEGACY = 'Legacy_Banner';\nclient.getBooleanValue(LEGACY, false);`,
      filename,
      errors: [{ messageId: 'wrongCase', data: { key: 'Legacy_Banner', case: 'kebab-case' }, line: 4, column: 7, endLine: 4, endColumn: 31 }],
    },
    {
      name: 'a key declared only in an annotation',
      code: `// @flag BadKey @expires 2027-01-01\nexport {};`,
      filename: fileIn('src/registry-only.ts'),
      errors: [{ messageId: 'wrongCase', data: { key: 'BadKey', case: 'kebab-case' }, line: 1, column: 1 }],
    },
    {
      name: 'an invalid regex option is one clear error, not a crash',
      code: `${HEADER}client.getBooleanValue('new-checkout', false);`,
      filename,
      options: [{ pattern: '([a-z' }],
      errors: [{ messageId: 'invalidPattern', line: 1, column: 1 }],
    },
  ],
});
