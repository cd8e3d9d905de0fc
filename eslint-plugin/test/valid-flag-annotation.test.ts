import rule from '../src/rules/valid-flag-annotation';
import { createRuleTester, fileIn, HEADER } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();

ruleTester.run('valid-flag-annotation', rule, {
  valid: [
    { name: 'well-formed annotation within the release lifetime (90 days)', code: `/** @flag a-flag @expires 2027-02-19 @owner team-web @flagType release */\nexport const A = 'a-flag';`, filename },
    { name: 'experiment within 60 days', code: `// @flag exp-b @expires 2027-01-21 @flagType experiment\nexport {};`, filename },
    { name: '`never` is not a lifetime problem (require-flag-expiry judges it)', code: `// @flag c @expires never @flagType ops\nexport {};`, filename },
    { name: 'no type: no lifetime to compare with', code: `// @flag d @expires 2030-01-01\nexport {};`, filename },
    { name: 'ordinary comments are not annotations', code: `// expires soon, see @someone\nexport {};`, filename },
    {
      name: 'option raises the release lifetime',
      code: `// @flag e @expires 2027-06-01 @flagType release\nexport {};`,
      filename,
      options: [{ maxLifetimeDays: { release: 365 } }],
    },
    {
      name: 'annotations in other files are linted there (imported constant with a far expiry)',
      code: `${HEADER}import { BETA_SEARCH } from './registry';\nclient.getBooleanValue(BETA_SEARCH, false);`,
      filename,
    },
  ],
  invalid: [
    {
      name: 'malformed date, with the exact range of the value',
      code: `// @flag f @expires 2026-13-01\nexport {};`,
      filename,
      errors: [{ messageId: 'malformed', data: { message: '@expires "2026-13-01" is not a calendar date' }, line: 1, column: 21, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'not a date at all',
      code: `// @flag g @expires next-week\nexport {};`,
      filename,
      errors: [{ messageId: 'malformed', data: { message: '@expires "next-week" is not a date: expected YYYY-MM-DD or never' }, line: 1, column: 21 }],
    },
    {
      name: 'unknown tag with a did-you-mean',
      code: `/**\n * @flag h\n * @expire 2027-01-01\n */\nexport const H = 'h';`,
      filename,
      errors: [{ messageId: 'malformed', data: { message: 'unknown tag @expire in a flag annotation (did you mean @expires?)' }, line: 3, column: 4, endLine: 3, endColumn: 11 }],
    },
    {
      name: 'release flag further out than 90 days',
      code: `/** @flag i @expires 2027-06-01 @flagType release */\nexport const I = 'i';`,
      filename,
      errors: [{ messageId: 'tooFarOut', data: { key: 'i', expires: '2027-06-01', days: 191, flagType: 'release', max: 90 }, line: 1, column: 1, endLine: 1, endColumn: 53 }],
    },
    {
      name: 'experiment further out than 60 days, on the using statement',
      code: `${HEADER}// @expires 2027-02-01 @flagType experiment\nclient.getStringValue('pricing-test', 'a');`,
      filename,
      errors: [{ messageId: 'tooFarOut', data: { key: 'pricing-test', expires: '2027-02-01', days: 71, flagType: 'experiment', max: 60 }, line: 3 }],
    },
    {
      name: 'type from the flag file metadata',
      code: `// @flag pricing-test @expires 2027-03-01\nexport {};`,
      filename,
      errors: [{ messageId: 'tooFarOut', data: { key: 'pricing-test', expires: '2027-03-01', days: 99, flagType: 'experiment', max: 60 } }],
    },
    {
      name: 'settings.flagsweep.lifecycle lowers the limit',
      code: `// @flag j @expires 2027-01-01 @flagType release\nexport {};`,
      filename,
      settings: { flagsweep: { now: '2026-11-22', lifecycle: { maxLifetimeDays: { release: 30 } } } },
      errors: [{ messageId: 'tooFarOut', data: { key: 'j', expires: '2027-01-01', days: 40, flagType: 'release', max: 30 } }],
    },
  ],
});
