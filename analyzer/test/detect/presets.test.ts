import { describeScenarios, type Scenario } from './expectations';

const f = 'src/checkout.ts';
const SCENARIOS: Scenario[] = [
  {
    fixture: 'detect-openfeature-server',
    title: 'OpenFeature server: typed getters with their code defaults, awaited and split over lines',
    checks: [
      { file: f, line: 6, column: 14, key: 'checkout-v2', kind: 'call', sdk: 'openfeature', evaluates: 'boolean', keyOrigin: 'literal', defaultValue: false, keyLine: 6, keyColumn: 43, polarity: 'positive' },
      { file: f, line: 7, column: 17, key: 'checkout-theme', kind: 'call', evaluates: 'value', defaultValue: 'light', keyLine: 7, keyColumn: 45 },
      { file: f, line: 8, column: 17, key: 'cart-limit', kind: 'call', evaluates: 'value', defaultValue: 25, keyLine: 10, keyColumn: 7, endLine: 12, endColumn: 6 },
      { file: f, line: 13, column: 19, key: 'checkout-layout', kind: 'call', evaluates: 'value', defaultValue: { columns: 2 }, keyLine: 13, keyColumn: 49 },
    ],
  },
  {
    fixture: 'detect-openfeature-react',
    title: 'OpenFeature React hooks, including one imported under another name',
    checks: [
      { file: 'src/Banner.tsx', line: 4, column: 33, key: 'show-banner', kind: 'call', sdk: 'openfeature', evaluates: 'boolean', defaultValue: true },
      { file: 'src/Banner.tsx', line: 5, column: 19, key: 'compact-banner', kind: 'call', evaluates: 'boolean', defaultValue: false },
      { file: 'src/Banner.tsx', line: 6, column: 17, key: 'banner-color', kind: 'call', evaluates: 'value', defaultValue: 'blue' },
    ],
  },
  {
    fixture: 'detect-sdk-loaded-lazily',
    title: 'an SDK loaded with await import(), a require() inside a function or import = require() activates its preset; one only mentioned in a comment or string does not',
    checks: [
      { file: 'src/cjs.ts', line: 3, column: 24, key: 'import-equals', kind: 'call', sdk: 'openfeature', evaluates: 'boolean', defaultValue: false },
      { file: 'src/handler.ts', line: 4, column: 10, key: 'lazy-import', kind: 'call', sdk: 'openfeature', evaluates: 'boolean', defaultValue: false },
      { file: 'src/legacy.js', line: 6, column: 25, key: 'lazy-require', kind: 'call', sdk: 'unleash', evaluates: 'boolean', defaultValue: false },
    ],
  },
  {
    fixture: 'detect-launchdarkly-node',
    title: 'LaunchDarkly server SDK: the default is the third argument',
    checks: [
      { file: 'src/server.ts', line: 6, column: 16, key: 'pricing-tier', kind: 'call', sdk: 'launchdarkly', evaluates: 'value', defaultValue: 'basic' },
      { file: 'src/server.ts', line: 7, column: 16, key: 'fast-checkout', kind: 'call', evaluates: 'boolean', defaultValue: false },
      { file: 'src/server.ts', line: 8, column: 10, key: 'x', kind: 'call', evaluates: 'value', defaultValue: {} },
    ],
  },
  {
    fixture: 'detect-launchdarkly-react-destructure',
    title: 'LaunchDarkly React: useFlags() destructured and read by member (camelCase keys), useLDClient().variation',
    checks: [
      { file: 'src/Nav.tsx', line: 4, column: 11, key: 'newNavigation', kind: 'destructure', sdk: 'launchdarkly', keyForm: 'camelCase', keyOrigin: 'member-name', evaluates: 'value', endLine: 4, endColumn: 24 },
      { file: 'src/Nav.tsx', line: 4, column: 26, key: 'darkMode', kind: 'destructure', keyForm: 'camelCase', keyLine: 4, keyColumn: 26, endLine: 4, endColumn: 40 },
      { file: 'src/Nav.tsx', line: 7, column: 16, key: 'beta-banner', kind: 'call', evaluates: 'value', defaultValue: false },
      { file: 'src/Nav.tsx', line: 8, column: 10, key: 'searchV2', kind: 'property', keyForm: 'camelCase', keyOrigin: 'member-name', keyLine: 8, keyColumn: 16 },
    ],
  },
  {
    fixture: 'detect-unleash',
    title: 'Unleash node client (isEnabled defaults to false unless a fallback is written), named import, proxy client, React hooks (files in path order)',
    checks: [
      { file: 'src/Widget.tsx', line: 4, column: 19, key: 'widget-redesign', kind: 'call', sdk: 'unleash', evaluates: 'boolean', defaultValue: false },
      { file: 'src/Widget.tsx', line: 5, column: 19, key: 'widget-color', kind: 'call', evaluates: 'value' },
      { file: 'src/node.ts', line: 6, column: 13, key: 'new-search', kind: 'call', evaluates: 'boolean', defaultValue: false },
      { file: 'src/node.ts', line: 7, column: 13, key: 'payments-v2', kind: 'call', evaluates: 'boolean', defaultValue: true },
      { file: 'src/node.ts', line: 8, column: 13, key: 'legacy-export', kind: 'call', evaluates: 'boolean', defaultValue: false },
      { file: 'src/node.ts', line: 9, column: 19, key: 'hero-copy', kind: 'call', evaluates: 'value', noDefault: true },
      { file: 'src/proxy.ts', line: 5, column: 27, key: 'support-chat', kind: 'call', sdk: 'unleash', evaluates: 'boolean', defaultValue: false },
      { file: 'src/proxy.ts', line: 5, column: 63, key: 'chat-color', kind: 'call', sdk: 'unleash', evaluates: 'value', noDefault: true },
    ],
  },
  {
    fixture: 'detect-growthbook',
    title: 'GrowthBook: isOn/isOff (negative), getFeatureValue, React hooks and the IfFeatureEnabled gate',
    checks: [
      { file: 'src/Page.tsx', line: 7, column: 14, key: 'new-onboarding', kind: 'call', sdk: 'growthbook', evaluates: 'boolean', defaultValue: false },
      { file: 'src/Page.tsx', line: 8, column: 16, key: 'onboarding-copy', kind: 'call', evaluates: 'value', defaultValue: 'Welcome' },
      { file: 'src/Page.tsx', line: 9, column: 15, key: 'onboarding-raw', kind: 'call', evaluates: 'value' },
      { file: 'src/Page.tsx', line: 10, column: 7, key: 'maintenance-mode', kind: 'call', polarity: 'negative', evaluates: 'boolean' },
      { file: 'src/Page.tsx', line: 11, column: 17, key: 'upload-limit', kind: 'call', evaluates: 'value', defaultValue: 10 },
      { file: 'src/Page.tsx', line: 13, column: 5, key: 'onboarding-tour', kind: 'jsx', keyOrigin: 'jsx-attribute', keyLine: 13, keyColumn: 31, endLine: 15, endColumn: 24 },
      { file: 'src/Page.tsx', line: 14, column: 8, key: 'tour-v2', kind: 'call', polarity: 'positive', evaluates: 'boolean' },
    ],
  },
  {
    fixture: 'detect-flagsmith',
    title: 'Flagsmith: React useFlags([keys]) gives one check per key; client hasFeature and getValue',
    checks: [
      { file: 'src/Header.tsx', line: 4, column: 17, key: 'header_banner', kind: 'call', sdk: 'flagsmith', evaluates: 'value', keyLine: 4, keyColumn: 27 },
      { file: 'src/Header.tsx', line: 4, column: 17, key: 'header_color', kind: 'call', sdk: 'flagsmith', evaluates: 'value', keyLine: 4, keyColumn: 44 },
      { file: 'src/client.ts', line: 4, column: 7, key: 'header-v2', kind: 'call', sdk: 'flagsmith', evaluates: 'boolean', defaultValue: false },
      { file: 'src/client.ts', line: 5, column: 12, key: 'header-title', kind: 'call', evaluates: 'value' },
    ],
  },
  {
    fixture: 'detect-configcat',
    title: 'ConfigCat: client and React hook; what a check evaluates to follows the written default',
    checks: [
      { file: 'src/Cat.tsx', line: 4, column: 38, key: 'isCoolFeatureEnabled', kind: 'call', sdk: 'configcat', evaluates: 'boolean', defaultValue: false },
      { file: 'src/cat.ts', line: 6, column: 19, key: 'isAwesomeFeatureEnabled', kind: 'call', sdk: 'configcat', evaluates: 'boolean', defaultValue: false },
      { file: 'src/cat.ts', line: 7, column: 16, key: 'welcomeText', kind: 'call', evaluates: 'value', defaultValue: 'hello' },
    ],
  },
  {
    fixture: 'detect-posthog',
    title: 'PostHog: posthog-js calls, the React hook from posthog-js/react and the PostHogFeature gate (also renamed)',
    checks: [
      { file: 'src/Alias.tsx', line: 3, column: 28, key: 'aliased-gate', kind: 'jsx', sdk: 'posthog', keyLine: 3, keyColumn: 39 },
      { file: 'src/Survey.tsx', line: 5, column: 19, key: 'survey-widget', kind: 'call', sdk: 'posthog', evaluates: 'boolean' },
      { file: 'src/Survey.tsx', line: 6, column: 19, key: 'survey-layout', kind: 'call', evaluates: 'value' },
      { file: 'src/Survey.tsx', line: 7, column: 8, key: 'surveys', kind: 'call', evaluates: 'boolean' },
      { file: 'src/Survey.tsx', line: 9, column: 5, key: 'survey-banner', kind: 'jsx', keyLine: 9, keyColumn: 26 },
    ],
  },
  {
    fixture: 'detect-vercel-flags',
    title: 'Vercel flags: flag({ key }) declares the key, awaiting the flag function (same file or another) reads it',
    checks: [
      { file: 'app/flags.ts', line: 11, column: 11, key: 'summer-sale', kind: 'call', sdk: 'vercel-flags', keyOrigin: 'const', evaluates: 'value', keyLine: 11, keyColumn: 17 },
      { file: 'app/page.tsx', line: 4, column: 16, key: 'summer-sale', kind: 'call', sdk: 'vercel-flags', keyOrigin: 'import', evaluates: 'value' },
    ],
    declarations: [{ file: 'app/flags.ts', name: 'showSummerSale', key: 'summer-sale', line: 3, column: 14 }],
  },
];

describeScenarios('detect: SDK presets', SCENARIOS);
