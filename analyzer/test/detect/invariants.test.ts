import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { resolveConfig } from '../../src/config';
import { createDetectContext, detectFile } from '../../src/detect';

/**
 * Properties over generated files: detection never throws, every check has a key or a dynamic reason, ranges lie
 * inside the text with the key inside the check, and a literal key's range holds exactly that key in quotes.
 */
const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const gap = fc.constantFrom(' ', '', '\n  ', ' /* c */ ');
const receiver = fc.constantFrom('flags', 'this.flags', 'config?.flags', 'svc.flags!', 'button', 'client');

const statement = fc.oneof(
  fc.tuple(fc.boolean(), receiver, gap, fc.constantFrom('isEnabled', 'isDisabled'), key).map(
    ([aw, r, g, m, k]) => `const v${k.length} = ${aw ? 'await ' : ''}${r}${g}.${m}(${g}'${k}'${g});`,
  ),
  fc.tuple(key, key).map(([a, b]) => `const { ${a.replace(/-/g, '_')}, '${b}': x${b.length} = false } = useToggles();`),
  fc.tuple(key).map(([k]) => `const el = <Feature${' '}flag="${k}"><b /></Feature>;`),
  fc.tuple(key).map(([k]) => `const route = { path: '/${k}', flag: '${k}' };`),
  fc.tuple(key).map(([k]) => `// flags.isEnabled('${k}')`),
  fc.tuple(key).map(([k]) => `const s = \`flags.isEnabled('${k}') \${flags.isEnabled(K)}\`;`),
  fc.tuple(key).map(([k]) => `/** @flag ${k} @expires 2027-0${k.length % 9 + 1}-1${k.length % 9} @owner o */ const K = '${k}';`),
  fc.constant('const n = featureFlags[Math.random() > 0.5 ? "a" : "b"] && config.featureToggles.betaMenu;'),
  fc.constant('function f(p: string) { return flags.isEnabled(p) || flags.isEnabled(`x-${p}`); }'),
);

describe('detect: invariants over generated files', () => {
  const ctx = createDetectContext(
    resolveConfig(
      {
        sdks: [],
        patterns: [
          { call: 'flags.isEnabled' },
          { call: 'flags.isDisabled', negate: true },
          { hook: 'useToggles' },
          { jsx: 'Feature' },
          { configEntry: 'flag' },
          { element: 'featureFlags' },
          { property: 'config.featureToggles' },
        ],
      },
      '/gen',
    ),
  );

  it('holds for 300 generated files', () => {
    let checks = 0;
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), (statements) => {
        const text = `async function main() {\n${statements.join('\n')}\n}\n`;
        const found = detectFile('/gen/file.tsx', text, ctx);
        assert.deepStrictEqual(found.diagnostics, [], text);
        checks += found.checks.length;
        for (const c of found.checks) {
          assert.ok(!/^(await )?(button|client)/.test(text.slice(c.range.start, c.range.end)), `lookalike matched in ${text}`);
          assert.ok(c.key !== null || (c.dynamic && c.dynamic.reason.length > 0), `no key and no reason in ${text}`);
          assert.ok(c.range.start >= 0 && c.range.end <= text.length && c.range.start < c.range.end);
          assert.ok(c.keyRange.start >= c.range.start && c.keyRange.end <= c.range.end, `key outside the check in ${text}`);
          if (c.keyOrigin === 'literal' && c.key !== null) assert.equal(text.slice(c.keyRange.start + 1, c.keyRange.end - 1), c.key);
          assert.ok(!/^\s*\/\//.test(text.split('\n')[c.range.line - 1]), `check inside a comment: ${text}`);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
    assert.ok(checks > 300, `only ${checks} checks in 300 files: the generator is not exercising the matcher`);
  });
});
