import { strict as assert } from 'node:assert';
import ts = require('typescript');
import { describeScenarios, type Scenario } from './expectations';
import { kindFromUse } from '../../src/detect/value-kind';

const sdk = 'src/sdk.ts';
const use = 'src/use.ts';
const SCENARIOS: Scenario[] = [
  {
    fixture: 'detect-value-kinds',
    title: 'each check carries the kind of value it reads: from the SDK method, the pattern type, the default argument, or its use',
    checks: [
      { file: sdk, line: 8, column: 17, key: 'sample-ratio', kind: 'call', evaluates: 'value', valueKind: 'number', valueKindFrom: 'api' },
      { file: sdk, line: 9, column: 19, key: 'new-search', kind: 'call', valueKind: 'variant', valueKindFrom: 'api' },
      { file: sdk, line: 10, column: 23, key: 'llm-temperature', kind: 'call', evaluates: 'value', valueKind: 'number', valueKindFrom: 'default', defaultValue: 0.1 },
      { file: sdk, line: 11, column: 18, key: 'banner-config', kind: 'call', valueKind: 'object', valueKindFrom: 'default' },
      { file: sdk, line: 12, column: 17, key: 'theme', kind: 'call', valueKind: 'string', valueKindFrom: 'default' },
      { file: sdk, line: 13, column: 19, key: 'opaque', kind: 'call', evaluates: 'value', valueKind: 'unknown', valueKindFrom: 'none' },
      { file: sdk, line: 14, column: 23, key: 'checkout-variant', kind: 'call', valueKind: 'variant', valueKindFrom: 'api' },
      { file: use, line: 4, column: 18, key: 'layout', kind: 'call', sdk: 'custom', evaluates: 'value', valueKind: 'string', valueKindFrom: 'use' },
      { file: use, line: 5, column: 17, key: 'limit', kind: 'call', evaluates: 'value', valueKind: 'number', valueKindFrom: 'use' },
      { file: use, line: 6, column: 16, key: 'menu-config', kind: 'call', evaluates: 'value', valueKind: 'object', valueKindFrom: 'use' },
      { file: use, line: 8, column: 29, key: 'rules-json', kind: 'call', valueKind: 'string', valueKindFrom: 'use' },
      { file: use, line: 9, column: 11, key: 'checkout', kind: 'call', valueKind: 'string', valueKindFrom: 'use' },
      { file: use, line: 13, column: 20, key: 'max-items', kind: 'call', evaluates: 'value', valueKind: 'number', valueKindFrom: 'pattern' },
      { file: use, line: 14, column: 17, key: 'new-nav', kind: 'call', evaluates: 'boolean', valueKind: 'boolean', valueKindFrom: 'none' },
      { file: use, line: 15, column: 19, key: 'opaque-custom', kind: 'call', evaluates: 'boolean', valueKind: 'boolean', valueKindFrom: 'none' },
    ],
  },
];

describeScenarios('detect: value kinds', SCENARIOS);

describe('detect: value kind from use', () => {
  /** The kind shown by how `read()` is used in `code`. */
  const kindIn = (code: string) => {
    const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
    let call: ts.Node | undefined;
    const visit = (n: ts.Node): void => {
      if (!call && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'read') call = n;
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return kindFromUse(call!, sf)?.kind;
  };

  it('comparisons, typeof, switch, members, destructuring, spread, arithmetic and JSON.parse tell the kind', () => {
    assert.equal(kindIn(`if (read() !== 'b') go();`), 'string');
    assert.equal(kindIn(`if (read() == 3) go();`), 'number');
    assert.equal(kindIn(`if (typeof read() === 'number') go();`), 'number');
    assert.equal(kindIn(`switch (read()) { case 2: break; }`), 'number');
    assert.equal(kindIn(`const t = read().title;`), 'object');
    assert.equal(kindIn(`const t = read()['title'];`), 'object');
    assert.equal(kindIn(`const { a } = read();`), 'object');
    assert.equal(kindIn(`const o = { ...read() };`), 'object');
    assert.equal(kindIn(`const n = 100 - read();`), 'number');
    assert.equal(kindIn(`const s = read().toUpperCase();`), 'string');
    assert.equal(kindIn(`const n = read().toFixed(2);`), 'number');
    assert.equal(kindIn(`const c = JSON.parse(read());`), 'string');
    assert.equal(kindIn(`const v = read(); const r = schema.safeParse(v);`), 'json');
    assert.equal(kindIn(`async function f() { const v = await read(); return v.items; }`), 'object');
  });

  it('truthiness, a call argument, a promise method or an unrelated variable of the same name tell nothing', () => {
    assert.equal(kindIn(`if (read()) go();`), undefined);
    assert.equal(kindIn(`go(read());`), undefined);
    assert.equal(kindIn(`read().then(go);`), undefined);
    assert.equal(kindIn(`const x = !read();`), undefined);
    assert.equal(kindIn(`function a() { const v = read(); return v; } function b(v) { return v.items; }`), undefined);
  });
});
