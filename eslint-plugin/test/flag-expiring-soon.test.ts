import rule from '../src/rules/flag-expiring-soon';
import { createRuleTester, fileIn, HEADER } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();

ruleTester.run('flag-expiring-soon', rule, {
  valid: [
    { name: 'expiry beyond the default 14-day window', code: `${HEADER}client.getBooleanValue('dark-mode', false);`, filename },
    { name: 'already expired: no-expired-flag reports it, not this rule', code: `${HEADER}client.getBooleanValue('legacy-search', false);`, filename },
    { name: 'permanent flag', code: `${HEADER}client.getBooleanValue('kill-switch', false);`, filename },
    {
      name: 'option narrows the window below the 9 days left',
      code: `${HEADER}client.getBooleanValue('new-checkout', false);`,
      filename,
      options: [{ warnBeforeExpiryDays: 7 }],
    },
    {
      name: 'settings.flagsweep.lifecycle narrows the window',
      code: `${HEADER}client.getBooleanValue('new-checkout', false);`,
      filename,
      settings: { flagsweep: { now: '2026-11-22', lifecycle: { warnBeforeExpiryDays: 3 } } },
    },
    {
      // The core's precedence: a key the complete flag file does not define is "missing" (check --fail-on missing), not "expiring".
      name: 'a key missing from the flag file is missing, not expiring, as flagsweep check says',
      code: `${HEADER}// @flag last-day @expires 2026-11-22 @owner team-web\nclient.getBooleanValue('last-day', false);`,
      filename,
    },
  ],
  invalid: [
    {
      name: 'expires in 9 days (flag file metadata)',
      code: `${HEADER}client.getBooleanValue('new-checkout', false);`,
      filename,
      errors: [
        {
          messageId: 'expiringSoon',
          data: { key: 'new-checkout', expires: '2026-12-01', when: 'in 9 days', owner: 'team-checkout', fix: 'flagsweep cleanup new-checkout --value true' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'expires today (a flag the flag file serves)',
      code: `${HEADER}client.getBooleanValue('new-checkout', false);`,
      filename,
      settings: { flagsweep: { now: '2026-12-01' } },
      errors: [{ messageId: 'expiringSoon', data: { key: 'new-checkout', expires: '2026-12-01', when: 'today', owner: 'team-checkout', fix: 'flagsweep cleanup new-checkout --value true' }, line: 3, column: 1 }],
    },
    {
      name: 'option widens the window to reach dark-mode (70 days)',
      code: `${HEADER}client.getBooleanValue('dark-mode', false);`,
      filename,
      options: [{ warnBeforeExpiryDays: 70 }],
      errors: [{ messageId: 'expiringSoon', data: { key: 'dark-mode', expires: '2027-01-31', when: 'in 70 days', owner: 'team-web', fix: 'flagsweep cleanup dark-mode --value false' } }],
    },
  ],
});
