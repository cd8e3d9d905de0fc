import { strict as assert } from 'node:assert';
import { loadConfig } from '../../src/config';
import { scanProject } from '../../src/detect';
import { assertChecks, assertDeclarations, fixtureDir, type ExpectedCheck, type ExpectedDeclaration } from '../detect/expectations';

interface Scenario {
  fixture: string;
  title: string;
  checks: ExpectedCheck[];
  declarations?: ExpectedDeclaration[];
}

const forms = 'src/forms.ts';
const call = (file: string, line: number, column: number, key: string | null, keyOrigin?: ExpectedCheck['keyOrigin'], dynamicReason?: string): ExpectedCheck => ({
  file,
  line,
  column,
  key,
  kind: 'call',
  ...(keyOrigin ? { keyOrigin } : {}),
  ...(dynamicReason ? { dynamicReason } : {}),
});

const SCENARIOS: Scenario[] = [
  {
    fixture: 'detect-keys-literal-forms',
    title: 'literals, templates, const chains, nested as-const members, enums, Object.freeze, constant templates and concatenation',
    checks: [
      call(forms, 15, 5, 'literal-key', 'literal'),
      call(forms, 16, 5, 'template-key', 'template'),
      call(forms, 17, 5, 'search-v2', 'const'),
      call(forms, 18, 5, 'search-v2', 'const'),
      call(forms, 19, 5, 'checkout-v2', 'object-member'),
      call(forms, 20, 5, 'legacy-cart', 'object-member'),
      call(forms, 21, 5, 'wallet', 'enum'),
      call(forms, 22, 5, 'retry-logic', 'object-member'),
      call(forms, 23, 5, 'pay-links', 'template'),
      call(forms, 24, 5, 'pay-later', 'const'),
      call(forms, 25, 5, null, undefined, 'Feature.Count is a numeric enum member'),
    ],
    declarations: [
      { file: forms, name: 'SEARCH', key: 'search-v2', line: 4, column: 7 },
      { file: forms, name: 'ALIAS_OF_SEARCH', key: 'search-v2', line: 5, column: 7 },
      { file: forms, name: 'KEYS.checkout.V2', key: 'checkout-v2', line: 6, column: 35 },
      { file: forms, name: 'KEYS.legacy-cart', key: 'legacy-cart', line: 6, column: 56 },
      { file: forms, name: 'Feature.Wallet', key: 'wallet', line: 8, column: 3 },
      { file: forms, name: 'FROZEN.RETRY', key: 'retry-logic', line: 11, column: 32 },
    ],
  },
  {
    fixture: 'detect-keys-imported-constants',
    title: 'imported constants: named, renamed, re-exported (export *, export { x as y } from), namespace, default, require(), static readonly class members',
    checks: [
      call('src/app.ts', 8, 3, 'new-cart', 'import'),
      call('src/app.ts', 9, 3, 'reviews-v2', 'import'),
      call('src/app.ts', 10, 3, 'fuzzy-search', 'import'),
      call('src/app.ts', 11, 3, 'internal-tools', 'import'),
      call('src/app.ts', 12, 3, 'new-cart', 'import'),
      call('src/app.ts', 13, 3, 'export-csv', 'import'),
      call('src/app.ts', 14, 3, 'new-cart', 'import'),
      call('src/app.ts', 15, 3, 'export-csv', 'import'),
      { ...call('src/app.ts', 16, 3, 'new-ui', 'import'), owner: 'team-web' },
      call('src/app.ts', 17, 3, null, undefined, 'FeatureFlags.mutable is not readonly'),
      call('src/legacy.js', 4, 29, 'new-cart', 'import'),
      call('src/legacy.js', 4, 58, 'reviews-v2', 'import'),
    ],
    declarations: [
      { file: 'src/flags/keys.ts', name: 'NEW_CART', key: 'new-cart', line: 1, column: 14 },
      { file: 'src/flags/keys.ts', name: 'Flag.Reviews', key: 'reviews-v2', line: 4, column: 3 },
      { file: 'src/flags/keys.ts', name: 'GROUPS.search.FUZZY', key: 'fuzzy-search', line: 7, column: 35 },
      { file: 'src/flags/keys.ts', name: 'internal', key: 'internal-tools', line: 9, column: 7 },
      { file: 'src/flags/keys.ts', name: 'default.EXPORT_CSV', key: 'export-csv', line: 12, column: 18 },
      { file: 'src/flags/keys.ts', name: 'FeatureFlags.NEW_UI', key: 'new-ui', line: 16, column: 3, owner: 'team-web' },
    ],
  },
  {
    fixture: 'detect-keys-spread-and-default-class',
    title: 'as-const objects built with spreads (a later member wins; an unknown spread makes a missing member dynamic) and an `export default class` of static keys',
    checks: [
      call('src/app.ts', 9, 3, 'checkout-v2', 'import'),
      call('src/app.ts', 10, 3, 'express-pay-v2', 'import'),
      call('src/app.ts', 11, 3, 'search-v2', 'import'),
      call('src/app.ts', 12, 3, 'fuzzy-search', 'import'),
      call('src/app.ts', 13, 3, 'local-key', 'object-member'),
      call('src/app.ts', 14, 3, null, undefined, 'MIXED.OTHER may come from the spread remote'),
    ],
    declarations: [
      { file: 'src/app.ts', name: 'MIXED.LOCAL', key: 'local-key', line: 6, column: 28 },
      { file: 'src/flags/checkout.ts', name: 'CHECKOUT_FLAGS.V2', key: 'checkout-v2', line: 1, column: 33 },
      { file: 'src/flags/checkout.ts', name: 'SearchFlags.FUZZY', key: 'fuzzy-search', line: 4, column: 3 },
      { file: 'src/flags/index.ts', name: 'FLAGS.EXPRESS', key: 'express-pay-v2', line: 5, column: 3 },
      { file: 'src/flags/index.ts', name: 'FLAGS.SEARCH', key: 'search-v2', line: 6, column: 3 },
    ],
  },
  {
    fixture: 'detect-keys-tsconfig-paths',
    title: 'tsconfig paths (wildcard and exact, through "extends", JSONC) lead to the constants',
    checks: [call('src/features/search/Search.ts', 6, 29, 'search-v3', 'import'), call('src/features/search/Search.ts', 6, 59, 'search-filters', 'import')],
    declarations: [
      { file: 'src/shared/flags/keys.ts', name: 'SEARCH_V3', key: 'search-v3', line: 1, column: 14 },
      { file: 'src/shared/flags/keys.ts', name: 'SEARCH_FILTERS', key: 'search-filters', line: 2, column: 14 },
    ],
  },
  {
    fixture: 'detect-dynamic-keys',
    title: 'keys that cannot be resolved are reported as dynamic with the reason, never dropped',
    checks: [
      call('src/dynamic.ts', 10, 5, null, undefined, '`param` is a function parameter; if dynamic is a flag wrapper, add { "call": "dynamic", "key": 0 } to patterns'),
      call('src/dynamic.ts', 11, 5, null, undefined, '`mutable` is declared with let'),
      call('src/dynamic.ts', 12, 5, null, undefined, 'call result'),
      call('src/dynamic.ts', 13, 5, null, undefined, 'conditional expression'),
      call('src/dynamic.ts', 14, 5, null, undefined, 'import from package "flag-keys-package"'),
      call('src/dynamic.ts', 15, 5, null, undefined, 'MISSING is not exported by keys.ts'),
      call('src/dynamic.ts', 16, 5, null, undefined, 'template literal with a non-constant substitution'),
      call('src/dynamic.ts', 17, 5, null, undefined, '`undeclared` is not declared in this file'),
      { ...call('src/dynamic.ts', 18, 5, null, undefined, 'no key argument at position 0'), keyLine: 18, keyColumn: 5 },
      call('src/dynamic.ts', 19, 5, null, undefined, 'conditional expression'),
      call('src/dynamic.ts', 20, 5, null, undefined, 'conditional expression'),
    ],
  },
  {
    fixture: 'detect-keys-aliases',
    title: 'config.aliases name the key of identifiers, member paths (optional chaining included) and expressions (spacing ignored)',
    checks: [
      call('src/aliases.ts', 7, 25, 'aliased-key', 'alias'),
      call('src/aliases.ts', 7, 51, 'member-alias', 'alias'),
      call('src/aliases.ts', 7, 87, 'member-alias', 'alias'),
      call('src/aliases.ts', 8, 25, 'call-alias', 'alias'),
    ],
  },
];

describe('keys: resolution', () => {
  for (const s of SCENARIOS) {
    it(`${s.fixture}: ${s.title}`, async () => {
      const root = fixtureDir(s.fixture);
      const result = await scanProject(loadConfig(root));
      assertChecks(root, result.checks, s.checks);
      if (s.declarations) assertDeclarations(root, result.declarations, s.declarations);
    });
  }

  it('detect-dynamic-keys: a dynamic check keeps the expression as written', async () => {
    const root = fixtureDir('detect-dynamic-keys');
    const result = await scanProject(loadConfig(root));
    const expressions = result.checks.map((c) => c.dynamic?.expression);
    const expected = [
      'param',
      'mutable',
      "keyFor('x')",
      "n > 1 ? 'a' : 'b'",
      'REMOTE_KEY',
      'MISSING',
      '`flag-${param}`',
      'undeclared',
      'flags.isEnabled()',
      "n > 2 ? 'c' : n > 1 ? ('d' as const) : 'c'",
      "n > 2 ? 'e' : param",
    ];
    assert.deepStrictEqual(expressions, expected);
  });

  it('detect-dynamic-keys: a conditional whose every branch is a known key names those keys (possibleKeys), once each', async () => {
    const root = fixtureDir('detect-dynamic-keys');
    const result = await scanProject(loadConfig(root));
    const possible = result.checks.map((c) => c.dynamic?.possibleKeys);
    const expected = [undefined, undefined, undefined, ['a', 'b'], undefined, undefined, undefined, undefined, undefined, ['c', 'd'], undefined];
    assert.deepStrictEqual(possible, expected);
  });
});
