import rule from '../src/rules/require-flag-expiry';
import { createRuleTester, fileIn, HEADER } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();

ruleTester.run('require-flag-expiry', rule, {
  valid: [
    { name: 'expiry from flag file metadata', code: `${HEADER}client.getBooleanValue('dark-mode', false);`, filename },
    {
      name: 'expiry from the annotation on an imported constant',
      code: `${HEADER}import { BETA_SEARCH } from './registry';\nclient.getBooleanValue(BETA_SEARCH, false);`,
      filename,
    },
    {
      name: 'expiry from an annotation on the using statement',
      code: `${HEADER}// @expires 2027-01-01\nclient.getBooleanValue('no-expiry-flag', false);`,
      filename,
    },
    {
      name: 'expiry from a constant annotated in this file',
      code: `${HEADER}/** @flag local-flag @expires 2027-01-01 */\nconst LOCAL = 'local-flag';\nclient.getBooleanValue(LOCAL, false);`,
      filename,
    },
    { name: '`never` on an ops flag (flag file)', code: `${HEADER}client.getBooleanValue('kill-switch', false);`, filename },
    {
      name: '`never` on a permission flag (annotation)',
      code: `${HEADER}// @flag admin-tools @expires never @flagType permission\nclient.getBooleanValue('admin-tools', false);`,
      filename,
    },
    {
      name: '`never` on a type the option makes permanent',
      code: `${HEADER}// @flag holiday-theme @expires never @flagType release\nclient.getBooleanValue('holiday-theme', false);`,
      filename,
      options: [{ permanentTypes: ['release'] }],
    },
    { name: 'dynamic keys are no-dynamic-flag-key’s business', code: `${HEADER}declare const k: string;\nclient.getBooleanValue(k, false);`, filename },
  ],
  invalid: [
    {
      name: 'flag file entry without expires',
      code: `${HEADER}client.getBooleanValue('no-expiry-flag', false);`,
      filename,
      errors: [{ messageId: 'missingExpiry', data: { key: 'no-expiry-flag' }, line: 3, column: 1, endLine: 3, endColumn: 48 }],
    },
    {
      name: 'imported constant without annotation, flag not in the flag file',
      code: `${HEADER}import { UNANNOTATED } from './registry';\nclient.getBooleanValue(UNANNOTATED, false);`,
      filename,
      errors: [{ messageId: 'missingExpiry', data: { key: 'unannotated-flag' }, line: 4, column: 1 }],
    },
    {
      name: 'every read is reported',
      code: `${HEADER}const a = client.getBooleanValue('no-expiry-flag', false);\nconst b = client.getStringValue('no-expiry-flag', 'x');`,
      filename,
      errors: [
        { messageId: 'missingExpiry', data: { key: 'no-expiry-flag' }, line: 3, column: 11 },
        { messageId: 'missingExpiry', data: { key: 'no-expiry-flag' }, line: 4, column: 11 },
      ],
    },
    {
      name: '`never` on a release flag',
      code: `${HEADER}// @flag forever @expires never @flagType release\nclient.getBooleanValue('forever', false);`,
      filename,
      errors: [
        { messageId: 'neverNotPermanent', data: { key: 'forever', permanentTypes: 'ops or permission', flagType: 'release' }, line: 4, column: 1 },
      ],
    },
    {
      name: '`never` without a type',
      code: `${HEADER}// @flag untyped @expires never\nclient.getBooleanValue('untyped', false);`,
      filename,
      errors: [{ messageId: 'neverNotPermanent', data: { key: 'untyped', permanentTypes: 'ops or permission', flagType: 'not set' } }],
    },
  ],
});
