import * as assert from 'node:assert/strict';
import * as vm from 'node:vm';
import fc from 'fast-check';
import { cleanupFileText } from '../../src/cleanup';
import { checkReadsKey } from '../../src/cleanup/keys';
import { resolveConfig } from '../../src/config';
import { createDetectContext, detectFile } from '../../src/detect';

/**
 * Differential property test: random functions built from flag checks, boolean operators, ternaries, if/else,
 * early returns, switches and side-effecting calls are run with the flag fixed to a value, before and after the
 * cleanup, on every input; results and side-effect logs must be identical.
 */

const FILE = '/virtual/program.js';
const config = resolveConfig(
  {
    sdks: [],
    patterns: [
      { call: '*.isEnabled' },
      { call: '*.getVariant', evaluates: 'value' },
    ],
  },
  '/virtual',
);
const detect = createDetectContext(config, { readFile: () => undefined });

let fxId = 0;
const nextId = () => ++fxId;

function exprArb(flagKey: string): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(
      { weight: 4, arbitrary: fc.constant(`flags.isEnabled('${flagKey}')`) },
      { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'k1', 'k2', 'isOn()') },
      { weight: 1, arbitrary: fc.constantFrom('true', 'false', "flags.isEnabled('other')") },
      { weight: 2, arbitrary: fc.boolean().map((v) => `fx(${nextId()}, ${v})`) },
      { weight: 1, arbitrary: fc.constantFrom("'a'", "'b'", "'c'").map((v) => `(flags.getVariant('variant', 'a') === ${v})`) },
      { weight: 1, arbitrary: fc.constant(`!flags.isEnabled('${flagKey}')`) },
    ),
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `(${l} && ${r})`),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `${l} || ${r}`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, t, e]) => `(${c} ? ${t} : ${e})`),
      tie('expr').map((e) => `!(${e})`),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `((${l}) ?? (${r}))`),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => `(${l} !== ${r})`),
    ),
  }));
  return expr;
}

function statementsArb(flagKey: string, depth: number): fc.Arbitrary<string[]> {
  const e = exprArb(flagKey);
  const simple = fc.oneof(
    fc.constant(0).map(() => `log(${nextId()});`),
    e.map((x) => `${x};`),
    e.map((x) => `if (${x}) return ${JSON.stringify(`r${nextId()}`)};`),
    fc.tuple(e, e).map(([c, x]) => `if (${c}) return ${x};`),
    e.map((x) => `log(${x});`),
    e.map((x) => {
      const id = nextId();
      return `const s${id} = ${x};\nlog(s${id});`;
    }),
    fc.constantFrom('a', 'b', 'c').map(
      (v) => `switch (flags.getVariant('variant', 'a')) { case 'a': log(${nextId()}); break; case '${v}': log(${nextId()}); return 's'; default: log(${nextId()}); }`,
    ),
  );
  if (depth <= 0) return fc.array(simple, { minLength: 1, maxLength: 3 });
  const inner = statementsArb(flagKey, depth - 1);
  const compound = fc.oneof(
    fc.tuple(e, inner).map(([c, s]) => `if (${c}) {\n${s.join('\n')}\n}`),
    fc.tuple(e, inner, inner).map(([c, s, t]) => `if (${c}) {\n${s.join('\n')}\n} else {\n${t.join('\n')}\n}`),
    fc.tuple(e, inner, e, inner).map(([c, s, d, t]) => `if (${c}) {\n${s.join('\n')}\n} else if (${d}) {\n${t.join('\n')}\n}`),
    fc.tuple(e, inner).map(([c, s]) => `for (let i = 0; i < 2; i++) {\nif (${c}) continue;\n${s.join('\n')}\n}`),
    // A block declaring a name the function also declares: unwrapping it would change scoping.
    fc.tuple(e, e, inner).map(([c, x, s]) => `if (${c}) {\nconst k1 = ${x.replace(/\bk1\b/g, 'a')};\nlog(k1);\n${s.join('\n')}\n}`),
  );
  return fc.array(fc.oneof(simple, compound), { minLength: 1, maxLength: 4 });
}

function programArb(flagKey: string): fc.Arbitrary<string> {
  const e = exprArb(flagKey);
  return fc.tuple(e, statementsArb(flagKey, 2), e).map(
    ([k2, body, ret]) => `function isOn() {
  return flags.isEnabled('${flagKey}');
}

function run(a, b) {
  const k1 = flags.isEnabled('${flagKey}');
  let k2 = ${k2.replace(/\bk2\b/g, 'b')};
  ${body.join('\n  ')}
  return ${ret};
}
`,
  );
}

interface Outcome {
  results: unknown[];
  logs: unknown[][];
}

/** Runs `run(a, b)` for every input in one fresh context; each call gets its own side-effect log. */
function evaluate(code: string, values: Record<string, unknown>): Outcome {
  const out: Outcome = { results: [], logs: [] };
  let log: unknown[] = [];
  const sandbox = vm.createContext({
    flags: {
      isEnabled: (k: string) => values[k] as boolean,
      getVariant: (k: string) => values[k],
    },
    fx: (id: number, v: unknown) => {
      log.push(`fx${id}`);
      return v;
    },
    log: (x: unknown) => log.push(x),
  });
  vm.runInContext(code, sandbox, { timeout: 1000 });
  const run = sandbox.run as (a: boolean, b: boolean) => unknown;
  for (const [a, b] of [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ]) {
    log = [];
    let result: unknown;
    try {
      result = run(a, b);
    } catch (err) {
      result = { threw: String(err) };
    }
    out.results.push(result);
    out.logs.push(log);
  }
  return out;
}

function clean(code: string, key: string, value: unknown) {
  return cleanupFileText({
    file: FILE,
    text: code,
    value,
    findChecks: (text) => detectFile(FILE, text, detect).checks.filter((c) => checkReadsKey(c, key)),
    patterns: config.patterns,
    overrideNames: new Set([key]),
  });
}

describe('cleanup differential property test (random programs, node:vm)', function () {
  this.timeout(120000);

  const cases: { key: string; arb: fc.Arbitrary<[string, unknown]>; runs: number }[] = [
    { key: 'f', arb: fc.tuple(programArb('f'), fc.boolean()), runs: 700 },
    { key: 'variant', arb: fc.tuple(programArb('f'), fc.constantFrom('a', 'b', 'c')), runs: 300 },
  ];
  for (const { key, arb, runs } of cases) {
    it(`${runs} programs cleaned of "${key}" behave exactly as before (results and side effects)`, () => {
      let changed = 0;
      fc.assert(
        fc.property(arb, ([code, value]) => {
          const values: Record<string, unknown> = { f: true, other: false, variant: 'b', [key]: value };
          const before = evaluate(code, values);
          const result = clean(code, key, value);
          assert.deepEqual(result.left, [], 'no site left for a person in these programs');
          if (result.text !== code) changed++;
          const reads = key === 'f' ? "isEnabled('f')" : "getVariant('variant'";
          assert.ok(!result.text.includes(reads), `every check of ${key} is gone:\n${result.text}`);
          const after = evaluate(result.text, values);
          assert.deepEqual(after, before, `behaviour changed.\n--- before\n${code}\n--- after\n${result.text}`);
          assert.equal(clean(result.text, key, value).text, result.text, 'idempotent');
        }),
        { numRuns: runs, seed: key === 'f' ? 20261122 : 1122 },
      );
      assert.ok(changed > runs / 2, `most programs were actually rewritten (${changed}/${runs})`);
    });
  }
});
