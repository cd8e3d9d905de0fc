import * as assert from 'node:assert/strict';
import { unreachableRanges } from '../../src/engine/unreachable';

function dead(text: string, check: string, value: boolean): string[] {
  const start = text.indexOf(check);
  return unreachableRanges('/ws/a.tsx', text, [{ key: 'k', start, end: start + check.length, value }]).map((r) => text.slice(r.start, r.end));
}

describe('unreachableRanges', () => {
  it('finds the else branch of an always-true check and the then branch of an always-false one', () => {
    const text = "if (useFlag('k')) { a(); } else { b(); }";
    assert.deepEqual(dead(text, "useFlag('k')", true), ['{ b(); }']);
    assert.deepEqual(dead(text, "useFlag('k')", false), ['{ a(); }']);
  });
  it('follows negation, ternaries, && and ||', () => {
    assert.deepEqual(dead("const x = !(on('k')) ? 1 : 2;", "on('k')", true), ['1']);
    assert.deepEqual(dead("const y = on('k') && <Banner />;", "on('k')", false), ['<Banner />']);
    assert.deepEqual(dead("const z = on('k') || fallback();", "on('k')", true), ['fallback()']);
  });
  it('fades the statements after an always-taken branch that returns', () => {
    const text = "function f() {\n  if (useFlag('k')) {\n    return 1;\n  }\n  log();\n  return 2;\n  function helper() {}\n}";
    assert.deepEqual(dead(text, "useFlag('k')", true), ['log();', 'return 2;']);
  });
  it('follows a const holding the check', () => {
    const text = "function f() {\n  const on = useFlag('k');\n  return on ? <A /> : <B />;\n}";
    assert.deepEqual(dead(text, "useFlag('k')", true), ['<B />']);
  });
  it('finds nothing when the value is used as data', () => {
    assert.deepEqual(dead("send({ enabled: useFlag('k') });", "useFlag('k')", true), []);
  });
});
