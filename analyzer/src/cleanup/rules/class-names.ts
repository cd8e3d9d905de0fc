import ts = require('typescript');
import type { RoundContext } from '../context';
import { knownValue } from '../markers';
import { isPure } from '../syntax';
import { removeListElement } from '../text';

const CLASS_NAME_CALLS = new Set(['classNames', 'classnames', 'clsx', 'cn', 'cx', 'twMerge', 'cva']);

/**
 * `classNames(base, { [styles.compact]: <false> })`: an entry switched off by a substituted value is a no-op and
 * goes; an object argument left empty goes next (`classNames(base)`); one left with a single entry switched on
 * becomes that class. Only values the cleanup produced.
 */
export function dropOffClassNames(ctx: RoundContext, node: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(node) || !ts.isCallExpression(node.parent) || !isClassNameCall(node.parent)) return false;
  const call = node.parent;
  if (node.properties.length === 0) {
    if (call.arguments.length < 2) return false;
    ctx.edits.push(removeListElement(ctx.sf, call.arguments, call.arguments.indexOf(node)));
    return true;
  }
  const at = node.properties.findIndex((p) => {
    if (!ts.isPropertyAssignment(p)) return false;
    const known = knownValue(p.initializer, ctx.markers);
    return !!known && !known.value && (!ts.isComputedPropertyName(p.name) || isPure(p.name.expression));
  });
  if (at !== -1) {
    ctx.edits.push(removeListElement(ctx.sf, node.properties, at));
    return true;
  }
  // `cx(base, { [css.md]: <true> })`: an entry always on is just that class (`cx(base, css.md)`).
  const [only] = node.properties;
  if (node.properties.length !== 1 || !ts.isPropertyAssignment(only) || knownValue(only.initializer, ctx.markers)?.value !== true) return false;
  if (ts.isComputedPropertyName(only.name) && isPure(only.name.expression)) ctx.replace(node, only.name.expression.getText(ctx.sf));
  else if (ts.isStringLiteral(only.name)) ctx.replace(node, only.name.getText(ctx.sf));
  else return false;
  return true;
}

function isClassNameCall(call: ts.CallExpression): boolean {
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  return ts.isIdentifier(callee) && CLASS_NAME_CALLS.has(callee.text);
}
