import * as os from 'node:os';
import * as path from 'node:path';
import rule from '../src/rules/no-expired-flag';
import { createRuleTester, espree, fileIn, HEADER, PROJECT } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();

ruleTester.run('no-expired-flag', rule, {
  valid: [
    { name: 'expiry in the future (flag file metadata)', code: `${HEADER}client.getBooleanValue('dark-mode', false);`, filename },
    { name: 'expiring soon is not expired', code: `${HEADER}client.getBooleanValue('new-checkout', false);`, filename },
    { name: 'permanent flag', code: `${HEADER}client.getBooleanValue('kill-switch', false);`, filename },
    { name: 'no expiry at all (require-flag-expiry reports that)', code: `${HEADER}client.getBooleanValue('no-expiry-flag', false);`, filename },
    { name: 'not a flag check: no SDK import', code: `const client = make();\nclient.getBooleanValue('legacy-search', false);`, filename },
    {
      name: 'annotation on the statement wins over flag file metadata',
      code: `${HEADER}// @expires 2027-03-01\nclient.getBooleanValue('legacy-search', false);`,
      filename,
    },
    {
      name: 'FLAGSWEEP_NOW-style override: settings.now before the expiry',
      code: `${HEADER}client.getBooleanValue('legacy-search', false);`,
      filename,
      settings: { flagsweep: { now: '2026-09-30' } },
    },
  ],
  invalid: [
    {
      name: 'expired through flag file metadata, with owner',
      code: `${HEADER}client.getBooleanValue('legacy-search', false);`,
      filename,
      errors: [
        {
          messageId: 'expired',
          data: { key: 'legacy-search', expires: '2026-10-01', ago: '52 days ago', owner: 'team-search', fix: 'flagsweep cleanup legacy-search --value true' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 47,
        },
      ],
    },
    {
      name: 'expired through the annotation on an imported constant (another file)',
      code: `${HEADER}import { PROMO_BANNER } from './registry';\nif (client.getBooleanValue(PROMO_BANNER, false)) show();`,
      filename,
      errors: [
        {
          messageId: 'expired',
          data: { key: 'promo-banner', expires: '2026-11-01', ago: '21 days ago', owner: 'team-growth', fix: 'flagsweep cleanup promo-banner --value false' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'expired through an annotation of the same key on another declaration in the project (as the CLI joins them)',
      code: `${HEADER}import { LEGACY_KEYS } from './legacy-keys';\nclient.getBooleanValue(LEGACY_KEYS.PROMO, false);`,
      filename,
      errors: [{ messageId: 'expired', data: { key: 'promo-banner', expires: '2026-11-01', ago: '21 days ago', owner: 'team-growth', fix: 'flagsweep cleanup promo-banner --value false' }, line: 4, column: 1 }],
    },
    {
      name: 'expired through an annotation on the using statement; no owner anywhere',
      code: `${HEADER}// @flag ad-hoc @expires 2026-11-21\nclient.getBooleanValue('ad-hoc', false);`,
      filename,
      errors: [{ messageId: 'expired', data: { key: 'ad-hoc', expires: '2026-11-21', ago: '1 day ago', owner: 'none set', fix: 'flagsweep cleanup ad-hoc --value false' }, line: 4, column: 1 }],
    },
    {
      name: 'the annotated declaration itself is reported where it is written',
      code: `/** @flag old-promo @expires 2026-01-01 @owner team-growth */\nexport const OLD_PROMO = 'old-promo';`,
      filename: fileIn('src/old-flags.ts'),
      errors: [
        {
          messageId: 'expired',
          data: { key: 'old-promo', expires: '2026-01-01', ago: '325 days ago', owner: 'team-growth', fix: 'flagsweep cleanup old-promo --value <the value to keep>' },
          line: 2,
        },
      ],
    },
    {
      name: 'settings.flagsweep.configFile points at a config outside the file\'s folders',
      code: `${HEADER}client.getBooleanValue('legacy-search', false);`,
      filename: path.join(os.tmpdir(), 'elsewhere', 'file.ts'),
      settings: { flagsweep: { now: '2026-11-22', configFile: path.join(PROJECT, 'flagsweep.config.json') } },
      errors: [{ messageId: 'expired', data: { key: 'legacy-search', expires: '2026-10-01', ago: '52 days ago', owner: 'team-search', fix: 'flagsweep cleanup legacy-search --value true' }, line: 3, column: 1 }],
    },
    {
      name: 'JSX with the default parser (espree)',
      code: `import { OpenFeature } from '@openfeature/web-sdk';\nconst client = OpenFeature.getClient();\nexport const B = () => <div>{client.getBooleanValue('legacy-search', false) ? 'new' : 'old'}</div>;`,
      filename: fileIn('src/banner.jsx'),
      languageOptions: espree,
      errors: [{ messageId: 'expired', data: { key: 'legacy-search', expires: '2026-10-01', ago: '52 days ago', owner: 'team-search', fix: 'flagsweep cleanup legacy-search --value true' }, line: 3, column: 30 }],
    },
  ],
});
