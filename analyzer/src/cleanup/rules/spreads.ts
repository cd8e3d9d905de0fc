import ts = require('typescript');
import type { RoundContext } from '../context';
import { knownValue } from '../markers';
import { movedText, removeListElement } from '../text';

/**
 * `[a, ...([])]` and `{ a, ...({}) }` left by a folded `...(on ? [x] : [])`: an empty spread goes, a literal one
 * is spliced in (`[a, ...([x])]` → `[a, x]`). Only parenthesized spreads, the shape a folded ternary leaves, and
 * object spreads of a value the cleanup decided falsy.
 */
export function spliceLiteralSpread(ctx: RoundContext, node: ts.Node): boolean {
  if (ts.isSpreadElement(node) && ts.isArrayLiteralExpression(node.parent) && ts.isParenthesizedExpression(node.expression)) {
    const inner = node.expression.expression;
    if (!ts.isArrayLiteralExpression(inner) || inner.elements.some((e) => ts.isOmittedExpression(e))) return false;
    return splice(ctx, node, node.parent.elements, inner.elements);
  }
  // `{ a, ...(<false>) }` left by a folded `...(on && { x })`: spreading false, null or undefined adds nothing.
  if (ts.isSpreadAssignment(node)) {
    const known = knownValue(node.expression, ctx.markers);
    if (known && (known.value === false || known.value === null || known.value === undefined)) {
      ctx.edits.push(removeListElement(ctx.sf, node.parent.properties, node.parent.properties.indexOf(node)));
      return true;
    }
  }
  if (ts.isSpreadAssignment(node) && ts.isParenthesizedExpression(node.expression)) {
    const inner = node.expression.expression;
    if (!ts.isObjectLiteralExpression(inner)) return false;
    return splice(ctx, node, node.parent.properties, inner.properties);
  }
  return false;
}

function splice(ctx: RoundContext, spread: ts.Node, list: ts.NodeArray<ts.Node>, items: ts.NodeArray<ts.Node>): boolean {
  if (items.length === 0) ctx.edits.push(removeListElement(ctx.sf, list, list.indexOf(spread)));
  else ctx.replace(spread, items.map((i) => movedText(ctx.sf, i, spread)).join(', '));
  return true;
}
