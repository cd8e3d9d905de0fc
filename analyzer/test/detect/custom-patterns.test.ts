import { describeScenarios, type Scenario } from './expectations';

const svc = 'src/service.ts';
const SCENARIOS: Scenario[] = [
  {
    fixture: 'detect-custom-call-receiver-suffix',
    title: 'call patterns match as a suffix of the receiver (this., ?.), split over lines, awaited, negated, key at index 1; lookalikes do not',
    checks: [
      { file: svc, line: 7, column: 9, key: 'order-batching', kind: 'call', sdk: 'custom', polarity: 'positive', evaluates: 'boolean', keyOrigin: 'literal', keyLine: 7, keyColumn: 30, noDefault: true },
      { file: svc, line: 8, column: 9, key: 'order-audit', kind: 'call', keyLine: 8, keyColumn: 39 },
      { file: svc, line: 9, column: 20, key: 'legacy-orders', kind: 'call', polarity: 'negative', keyLine: 11, keyColumn: 9, endLine: 12, endColumn: 8 },
      { file: svc, line: 13, column: 18, key: 'order-copy', kind: 'call', evaluates: 'value', defaultValue: 'Place order', keyLine: 13, keyColumn: 47 },
      { file: svc, line: 14, column: 12, key: 'order-v3', kind: 'call', polarity: 'positive' },
    ],
  },
  {
    fixture: 'detect-custom-property-access',
    title: 'property patterns: the member name is the key, through this./?. and destructuring; assignments are not reads',
    checks: [
      { file: 'src/nav.ts', line: 7, column: 21, key: 'compactNav', kind: 'property', keyOrigin: 'member-name', keyLine: 7, keyColumn: 43, endLine: 7, endColumn: 53 },
      { file: 'src/nav.ts', line: 8, column: 18, key: 'betaMenu', kind: 'property', keyLine: 8, keyColumn: 47 },
      { file: 'src/nav.ts', line: 9, column: 13, key: 'searchBar', kind: 'destructure', keyOrigin: 'member-name' },
      { file: 'src/nav.ts', line: 9, column: 24, key: 'mega-menu', kind: 'destructure', keyLine: 9, keyColumn: 24, endLine: 9, endColumn: 41 },
    ],
  },
  {
    fixture: 'detect-custom-element-access',
    title: 'element patterns: the index is the key (imported as const members, literals), a computed index is dynamic',
    checks: [
      { file: 'src/profile.ts', line: 6, column: 13, key: 'new-profile', kind: 'element', keyOrigin: 'import', keyLine: 6, keyColumn: 26 },
      { file: 'src/profile.ts', line: 7, column: 13, key: 'profile-avatars', kind: 'element', keyOrigin: 'literal' },
      { file: 'src/profile.ts', line: 8, column: 13, key: null, kind: 'element', dynamicReason: 'template literal with a non-constant substitution', keyLine: 8, keyColumn: 26 },
      { file: 'src/profile.ts', line: 9, column: 25, key: 'profile-cards', kind: 'element', keyOrigin: 'import' },
    ],
    declarations: [
      { file: 'src/flags.ts', name: 'FLAGS.NEW_PROFILE', key: 'new-profile', line: 2, column: 3 },
      { file: 'src/flags.ts', name: 'FLAGS.CARDS', key: 'profile-cards', line: 3, column: 3 },
    ],
  },
  {
    fixture: 'detect-custom-hook-destructure',
    title: 'hook patterns: destructured names (renamed, quoted, with a default) and members of the returned object',
    checks: [
      { file: 'src/Settings.tsx', line: 4, column: 11, key: 'darkMode', kind: 'destructure', keyOrigin: 'member-name', endLine: 4, endColumn: 19 },
      { file: 'src/Settings.tsx', line: 4, column: 21, key: 'font-scaling', kind: 'destructure', keyLine: 4, keyColumn: 21 },
      { file: 'src/Settings.tsx', line: 4, column: 46, key: 'autosave', kind: 'destructure', defaultValue: true },
      { file: 'src/Settings.tsx', line: 8, column: 43, key: 'compactLayout', kind: 'property', keyLine: 8, keyColumn: 51 },
      { file: 'src/Settings.tsx', line: 8, column: 68, key: 'high-contrast', kind: 'element', keyLine: 8, keyColumn: 76 },
      { file: 'src/Settings.tsx', line: 8, column: 96, key: 'beta', kind: 'property', keyLine: 8, keyColumn: 109 },
    ],
  },
  {
    fixture: 'detect-custom-jsx-gate',
    title: 'JSX gate: key attribute as a string or a constant, the negating prop, a gate without a key is dynamic',
    checks: [
      { file: 'src/Home.tsx', line: 7, column: 7, key: 'home-hero', kind: 'jsx', keyOrigin: 'jsx-attribute', polarity: 'positive', keyLine: 7, keyColumn: 21, endLine: 9, endColumn: 17 },
      { file: 'src/Home.tsx', line: 10, column: 7, key: 'home-footer', kind: 'jsx', keyOrigin: 'import', keyLine: 10, keyColumn: 22, endLine: 10, endColumn: 38 },
      { file: 'src/Home.tsx', line: 11, column: 7, key: 'home-legacy', kind: 'jsx', polarity: 'negative' },
      { file: 'src/Home.tsx', line: 14, column: 7, key: null, kind: 'jsx', dynamicReason: 'no flag attribute' },
    ],
  },
  {
    fixture: 'detect-custom-config-entry',
    title: 'config entries: the object literal holding the key property (a constant or a literal)',
    checks: [
      { file: 'src/routes.ts', line: 5, column: 3, key: 'routes-beta', kind: 'config-entry', keyOrigin: 'const', keyLine: 5, keyColumn: 45, endLine: 5, endColumn: 51 },
      { file: 'src/routes.ts', line: 6, column: 3, key: 'routes-reports', kind: 'config-entry', keyOrigin: 'literal', keyLine: 9, keyColumn: 11, endLine: 10, endColumn: 4 },
    ],
    declarations: [{ file: 'src/routes.ts', name: 'BETA', key: 'routes-beta', line: 1, column: 7 }],
  },
];

describeScenarios('detect: custom patterns', SCENARIOS);
