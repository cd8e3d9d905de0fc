import ts = require('typescript');
import { type RoundContext, isJsxChild, rendersNothing } from '../context';
import { knownValue } from '../markers';

/**
 * JSX left holding a substituted value that means nothing: a child `{false}` / `{null}` / `{undefined}` renders
 * nothing and goes; an attribute `endIcon={undefined}` is the same as no attribute and goes; `prop={\n  true\n}` closes up. Only values the
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
    if (!known) return false;
    if (known.value === undefined) {
      ctx.remove(node);
      return true;
    }
    // `prop={\n  true\n}` left by a folded multi-line condition: `prop={true}`.
    const written = node.initializer.getText(ctx.sf);
    const tight = `{${node.initializer.expression.getText(ctx.sf)}}`;
    if (written === tight || !/^\{\s*[\w$]+\s*\}$/.test(written)) return false;
    ctx.replace(node.initializer, tight);
    return true;
  }
  return false;
}
