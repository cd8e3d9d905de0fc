import ts = require('typescript');
import type { RoundContext } from '../context';
import { knownValue } from '../markers';
import { removeListElement } from '../text';
import { isPure } from '../syntax';

/** React hooks whose last array argument lists dependencies (by position of that argument). */
const DEPS_ARGUMENT: Record<string, number> = { useEffect: 1, useLayoutEffect: 1, useInsertionEffect: 1, useMemo: 1, useCallback: 1, useImperativeHandle: 2 };

/**
 * A substituted value in a hook's dependency list (`useMemo(fn, [a, <false>])`) is a constant: it goes from
 * the list, as react-hooks/exhaustive-deps would ask. Only values the cleanup produced.
 */
export function dropConstantDependency(ctx: RoundContext, node: ts.Node): boolean {
  if (!ts.isArrayLiteralExpression(node) || !ts.isCallExpression(node.parent)) return false;
  const call = node.parent;
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  if (!ts.isIdentifier(callee) || DEPS_ARGUMENT[callee.text] === undefined || call.arguments[DEPS_ARGUMENT[callee.text]] !== node) return false;
  const at = node.elements.findIndex((e) => knownValue(e, ctx.markers));
  if (at === -1) return false;
  ctx.edits.push(removeListElement(ctx.sf, node.elements, at));
  return true;
}

/**
 * `useMemo(() => <value>, [deps])` where the cleanup decided the value: memoising a constant is the constant
 * (`const enabled = useMemo(() => false, [repo?.repoSet])` → `const enabled = false`, which then inlines). A
 * hook dropped in every render keeps the order of the others. Only when the dependencies are plain reads.
 */
export function unwrapConstantMemo(ctx: RoundContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || node.arguments.length < 1 || node.arguments.length > 2) return false;
  const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
  if (!ts.isIdentifier(callee) || callee.text !== 'useMemo') return false;
  const [fn, deps] = node.arguments;
  if (!ts.isArrowFunction(fn) || ts.isBlock(fn.body) || fn.parameters.length > 0) return false;
  const decided = knownValue(fn.body, ctx.markers);
  if (!decided) return false;
  if (deps && !(ts.isArrayLiteralExpression(deps) && deps.elements.every((e) => isPure(e) || knownValue(e, ctx.markers)))) return false;
  ctx.replaceWithValue(node, decided.value);
  return true;
}
