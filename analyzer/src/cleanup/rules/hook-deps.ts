import ts = require('typescript');
import type { RoundContext } from '../context';
import { knownValue } from '../markers';
import { removeListElement } from '../text';

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
