import rule from '../src/rules/no-unknown-flag';
import { createRuleTester, espree, fileIn, HEADER } from './rule-tester';

const ruleTester = createRuleTester();
const filename = fileIn();
const source = 'flags.flagd.json';
const withLaunchDarkly = { flagsweep: { now: '2026-11-22', sdks: ['openfeature', 'launchdarkly'] } };

ruleTester.run('no-unknown-flag', rule, {
  valid: [
    { name: 'in the flag file', code: `${HEADER}client.getBooleanValue('new-checkout', false);`, filename },
    { name: 'annotated on an imported constant', code: `${HEADER}import { PROMO_BANNER } from './registry';\nclient.getBooleanValue(PROMO_BANNER, false);`, filename },
    { name: 'annotated in this file', code: `${HEADER}// @flag local-only @expires 2027-01-01\nclient.getBooleanValue('local-only', false);`, filename },
    { name: 'annotated anywhere in the project (a file nobody imports)', code: `${HEADER}client.getBooleanValue('annotated-elsewhere', false);`, filename },
    { name: 'allowed by option', code: `${HEADER}client.getBooleanValue('served-elsewhere', false);`, filename, options: [{ allow: ['served-elsewhere'] }] },
    {
      name: 'LaunchDarkly React camelCase member name maps back to the kebab-case source key',
      code: `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function Page() {\n  const { darkMode } = useFlags();\n  return darkMode ? 1 : 0;\n}`,
      filename: fileIn('src/page.tsx'),
      settings: withLaunchDarkly,
    },
    { name: 'dynamic key: nothing to look up', code: `${HEADER}declare const k: string;\nclient.getBooleanValue(k, false);`, filename },
  ],
  invalid: [
    {
      name: 'typo in a literal key, with the nearest key as a suggestion',
      code: `${HEADER}client.getBooleanValue('new-chekout', false);`,
      filename,
      errors: [
        {
          messageId: 'unknownFlag',
          data: { key: 'new-chekout', source, hint: " Did you mean 'new-checkout'?" },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 37,
          suggestions: [{ messageId: 'useKnownKey', data: { suggestion: 'new-checkout' }, output: `${HEADER}client.getBooleanValue('new-checkout', false);` }],
        },
      ],
    },
    {
      name: 'nearest key may be a code-annotated one',
      code: `${HEADER}client.getBooleanValue("promo-baner", false);`,
      filename,
      errors: [
        {
          messageId: 'unknownFlag',
          data: { key: 'promo-baner', source, hint: " Did you mean 'promo-banner'?" },
          suggestions: [{ messageId: 'useKnownKey', data: { suggestion: 'promo-banner' }, output: `${HEADER}client.getBooleanValue("promo-banner", false);` }],
        },
      ],
    },
    {
      name: 'nothing close: no suggestion',
      code: `${HEADER}client.getBooleanValue('totally-different', false);`,
      filename,
      errors: [{ messageId: 'unknownFlag', data: { key: 'totally-different', source, hint: '' }, suggestions: [] }],
    },
    {
      name: 'key from an unannotated constant: reported, but the fix belongs at the declaration',
      code: `${HEADER}import { UNANNOTATED } from './registry';\nclient.getBooleanValue(UNANNOTATED, false);`,
      filename,
      errors: [{ messageId: 'unknownFlag', data: { key: 'unannotated-flag', source, hint: '' }, line: 4, column: 24, suggestions: [] }],
    },
    {
      name: 'TSX gate component from a custom pattern given in settings.flagsweep.patterns',
      code: `export const Page = () => <Feature flag="dark-mdoe"><Dark /></Feature>;`,
      filename: fileIn('src/page.tsx'),
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      settings: { flagsweep: { now: '2026-11-22', patterns: [{ jsx: 'Feature' }] } },
      errors: [
        {
          messageId: 'unknownFlag',
          data: { key: 'dark-mdoe', source, hint: " Did you mean 'dark-mode'?" },
          line: 1,
          column: 41,
          endLine: 1,
          endColumn: 52,
          suggestions: [
            { messageId: 'useKnownKey', data: { suggestion: 'dark-mode' }, output: `export const Page = () => <Feature flag="dark-mode"><Dark /></Feature>;` },
          ],
        },
      ],
    },
    {
      name: 'LaunchDarkly React camelCase member access: compared and suggested in camelCase',
      code: `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function Page() {\n  const flags = useFlags();\n  return flags.darkMdoe ? 1 : 0;\n}`,
      filename: fileIn('src/page.tsx'),
      settings: withLaunchDarkly,
      errors: [
        {
          messageId: 'unknownFlag',
          data: { key: 'darkMdoe', source, hint: " Did you mean 'darkMode'?" },
          line: 4,
          suggestions: [
            {
              messageId: 'useKnownKey',
              data: { suggestion: 'darkMode' },
              output: `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function Page() {\n  const flags = useFlags();\n  return flags.darkMode ? 1 : 0;\n}`,
            },
          ],
        },
      ],
    },
    {
      name: 'camelCase shorthand destructuring: reported, no suggestion (it would rename a local variable)',
      code: `import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function Page() {\n  const { darkMdoe } = useFlags();\n  return darkMdoe ? 1 : 0;\n}`,
      filename: fileIn('src/page.tsx'),
      settings: withLaunchDarkly,
      errors: [{ messageId: 'unknownFlag', data: { key: 'darkMdoe', source, hint: " Did you mean 'darkMode'?" }, line: 3, suggestions: [] }],
    },
    {
      name: 'JS with the default parser',
      code: `import { OpenFeature } from '@openfeature/web-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mdoe', false);`,
      filename: fileIn('src/theme.js'),
      languageOptions: espree,
      errors: [
        {
          messageId: 'unknownFlag',
          data: { key: 'dark-mdoe', source, hint: " Did you mean 'dark-mode'?" },
          suggestions: [
            {
              messageId: 'useKnownKey',
              data: { suggestion: 'dark-mode' },
              output: `import { OpenFeature } from '@openfeature/web-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mode', false);`,
            },
          ],
        },
      ],
    },
  ],
});
