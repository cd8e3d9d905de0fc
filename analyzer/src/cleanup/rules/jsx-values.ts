import { ts } from 'ts-morph';
import { type RoundContext, isJsxChild, rendersNothing } from '../context';
import { knownValue } from '../markers';

/**
 * JSX left holding a substituted value that means nothing: a child `{false}` / `{null}` / `{undefined}` renders
 * nothing and goes; an attribute `endIcon={undefined}` is the same as no attribute and goes. Only values the
 * cleanup produced; an author's own `{null}` stays.
 */
export function dropEmptyJsxValue(ctx: RoundContext, node: ts.Node): boolean {
  if (ts.isJsxExpression(node) && node.expression && isJsxChild(node)) {
    const known = knownValue(node.expression, ctx.markers);
    if (!known || !rendersNothing(known.value)) return false;
    ctx.remove(node);
    return true;
  }
  if (ts.isJsxAttribute(node) && node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression) {
    const known = knownValue(node.initializer.expression, ctx.markers);
    if (!known || known.value !== undefined) return false;
    ctx.remove(node);
    return true;
  }
  return false;
}
