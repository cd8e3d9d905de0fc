import ts = require('typescript');
import { type RoundContext, climbParens } from './context';
import { knownValue, literalValue, skipTransparent } from './markers';
import { inBooleanContext, isBooleanValued, isPure, looksNumeric } from './syntax';
import { isPredicateCall } from './pure-calls';
import { isJsxChild, rendersNothing } from './context';

/**
 * Expression folding over substituted values: `!`, `&&`, `||`, `??`, comparisons against literals, ternaries,
 * `await`, parentheses. Only values the substitution produced (markers) are folded; the author's own literals
 * (`if (true)`, `x && true`) are never touched, and an operand with side effects is never dropped.
 */
export function foldExpression(ctx: RoundContext, node: ts.Node): boolean {
  const { markers } = ctx;
  if (ts.isParenthesizedExpression(node)) {
    const inner = skipTransparent(node);
    const known = knownValue(inner, markers);
    if (known && !ts.isParenthesizedExpression(node.parent)) {
      ctx.replace(node, ctx.marker(known.value));
      return true;
    }
    return false;
  }
  if ((ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node)) && !ts.isParenthesizedExpression(node.parent)) {
    const known = knownValue(node.expression, markers);
    if (known) {
      ctx.replaceWithValue(node, known.value);
      return true;
    }
    return false;
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const known = knownValue(node.operand, markers);
    if (known) {
      ctx.replaceWithValue(node, !known.value);
      return true;
    }
    return false;
  }
  if (ts.isConditionalExpression(node)) {
    const known = knownValue(node.condition, markers);
    if (known) {
      ctx.replaceWithExpression(node, known.value ? node.whenTrue : node.whenFalse);
      return true;
    }
    return false;
  }
  if (ts.isBinaryExpression(node)) return foldBinary(ctx, node);
  if (ts.isCallExpression(node)) {
    const known = booleanCall(node, markers);
    if (known) {
      ctx.replaceWithValue(node, known.value);
      return true;
    }
    return false;
  }
  if (ts.isTemplateSpan(node)) return foldTemplateSpan(ctx, node);
  return false;
}

/** `${<'Hello'>}, world` → `Hello, world`: a substituted primitive joins the template's text. */
function foldTemplateSpan(ctx: RoundContext, span: ts.TemplateSpan): boolean {
  const known = knownValue(span.expression, ctx.markers);
  if (!known || !['string', 'number', 'boolean'].includes(typeof known.value)) return false;
  if (ts.isTaggedTemplateExpression(span.parent.parent)) return false; // a tag sees the parts separately
  const start = ctx.text.lastIndexOf('${', span.expression.getStart(ctx.sf));
  const end = span.literal.getStart(ctx.sf) + 1;
  const escaped = [...String(known.value)].map((ch, i, all) => (ch === '\\' || ch === '`' || (ch === '$' && all[i + 1] === '{') ? `\\${ch}` : ch)).join('');
  ctx.edit(start, end, escaped);
  return true;
}

function foldBinary(ctx: RoundContext, node: ts.BinaryExpression): boolean {
  const { markers } = ctx;
  const op = node.operatorToken.kind;
  const left = knownValue(node.left, markers);
  const right = knownValue(node.right, markers);
  switch (op) {
    case ts.SyntaxKind.AmpersandAmpersandToken:
      if (left) {
        if (left.value) ctx.replaceWithExpression(node, node.right);
        else ctx.replaceWithValue(node, left.value);
        return true;
      }
      if (right && (inBooleanContext(node) || isBooleanValued(node.left))) {
        if (right.value) ctx.replaceWithExpression(node, node.left);
        else if (isPure(node.left)) ctx.replaceWithValue(node, right.value);
        else return false;
        return true;
      }
      // `path?.includes('x') && true`: a question's only truthy answer is `true`, so the `&& true` adds nothing.
      if (right && right.value === true && isPredicateCall(node.left)) {
        ctx.replaceWithExpression(node, node.left);
        return true;
      }
      if (right && rendersNothing(right.value) && isJsxChildValue(node) && isPure(node.left) && !looksNumeric(node.left)) {
        // `{open && true}`: renders nothing whatever `open` is (a number could render, hence looksNumeric).
        ctx.replaceWithValue(node, false);
        return true;
      }
      return false;
    case ts.SyntaxKind.BarBarToken:
      if (left) {
        if (left.value) ctx.replaceWithValue(node, left.value);
        else ctx.replaceWithExpression(node, node.right);
        return true;
      }
      if (right && (inBooleanContext(node) || isBooleanValued(node.left))) {
        if (!right.value) ctx.replaceWithExpression(node, node.left);
        else if (isPure(node.left)) ctx.replaceWithValue(node, right.value);
        else return false;
        return true;
      }
      return false;
    case ts.SyntaxKind.QuestionQuestionToken:
      if (left) {
        if (left.value === null || left.value === undefined) ctx.replaceWithExpression(node, node.right);
        else ctx.replaceWithValue(node, left.value);
        return true;
      }
      return false;
    case ts.SyntaxKind.CommaToken:
      if (left) {
        ctx.replaceWithExpression(node, node.right);
        return true;
      }
      return false;
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken: {
      const a = left ?? (right ? literalValue(node.left) : undefined);
      const b = right ?? (left ? literalValue(node.right) : undefined);
      if (!a || !b) return false;
      ctx.replaceWithValue(node, compare(op, a.value, b.value));
      return true;
    }
    default:
      return false;
  }
}

/**
 * The value of an expression when the substituted values alone decide it (`!(M && M)`, `M ? M : x` with M
 * true, `M === 'b'`), without dropping anything that would have run: operands that are skipped at run time
 * (short-circuit, untaken branch) may be unknown, evaluated ones may not.
 */
export function evalKnown(node: ts.Node, markers: RoundContext['markers']): { value: unknown } | undefined {
  const n = skipTransparent(node);
  if (ts.isIdentifier(n)) return markers.lookup(n.text);
  if (ts.isAwaitExpression(n)) return evalKnown(n.expression, markers);
  if (ts.isCallExpression(n)) {
    const arg = n.arguments.length === 1 && isBooleanCallee(n) ? evalKnown(n.arguments[0], markers) : undefined;
    return arg && { value: !!arg.value };
  }
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) {
    const v = evalKnown(n.operand, markers);
    return v && { value: !v.value };
  }
  if (ts.isConditionalExpression(n)) {
    const c = evalKnown(n.condition, markers);
    return c && evalKnown(c.value ? n.whenTrue : n.whenFalse, markers);
  }
  if (!ts.isBinaryExpression(n)) return undefined;
  const op = n.operatorToken.kind;
  switch (op) {
    case ts.SyntaxKind.AmpersandAmpersandToken: {
      const l = evalKnown(n.left, markers);
      return l && (l.value ? evalKnown(n.right, markers) : l);
    }
    case ts.SyntaxKind.BarBarToken: {
      const l = evalKnown(n.left, markers);
      return l && (l.value ? l : evalKnown(n.right, markers));
    }
    case ts.SyntaxKind.QuestionQuestionToken: {
      const l = evalKnown(n.left, markers);
      return l && (l.value === null || l.value === undefined ? evalKnown(n.right, markers) : l);
    }
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken: {
      const l = evalKnown(n.left, markers);
      const r = evalKnown(n.right, markers);
      const a = l ?? (r ? literalValue(n.left) : undefined);
      const b = r ?? (l ? literalValue(n.right) : undefined);
      return a && b ? { value: compare(op, a.value, b.value) } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The truthiness of a condition the substituted values decide once the operands that run first are kept for
 * their side effects: `refresh() || true` is truthy after `refresh()` ran, `load() && false` falsy after `load()`.
 * `effects` are the expressions to keep as statements, in order. Only for conditions (truthiness, not value).
 */
export function decideCondition(node: ts.Node, markers: RoundContext['markers']): { value: boolean; effects: ts.Expression[] } | undefined {
  const known = evalKnown(node, markers);
  if (known) return { value: !!known.value, effects: [] };
  const n = skipTransparent(node);
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = decideCondition(n.operand, markers);
    return inner && { value: !inner.value, effects: inner.effects };
  }
  if (!ts.isBinaryExpression(n)) return undefined;
  const op = n.operatorToken.kind;
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.AmpersandAmpersandToken) return undefined;
  const right = decideCondition(n.right, markers);
  if (!right || right.effects.length > 0) return undefined;
  // `a || <truthy>` is truthy and `a && <falsy>` falsy whatever `a` is; `a` still runs first.
  if (op === ts.SyntaxKind.BarBarToken ? !right.value : right.value) return undefined;
  const left = decideCondition(n.left, markers);
  return { value: right.value, effects: left ? left.effects : isPure(n.left) || isPredicateCall(n.left) ? [] : [n.left] };
}


/** Replaces a whole expression the substituted values decide, in one step (top-down, before its parts). */
export function foldWhole(ctx: RoundContext, node: ts.Node): boolean {
  if (!ts.isExpression(node as ts.Expression) || ts.isIdentifier(node)) return false;
  if (!(ts.isBinaryExpression(node) || ts.isCallExpression(node) || ts.isPrefixUnaryExpression(node) || ts.isConditionalExpression(node) || ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node))) return false;
  if (ts.isParenthesizedExpression(node.parent)) return false;
  const v = evalKnown(node, ctx.markers);
  if (!v) return false;
  ctx.replaceWithValue(node as ts.Expression, v.value);
  return true;
}

function compare(op: ts.SyntaxKind, a: unknown, b: unknown): boolean {
  switch (op) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
      return sameValue(a, b);
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return !sameValue(a, b);
    case ts.SyntaxKind.EqualsEqualsToken:
      return looseEquals(a, b);
    default:
      return !looseEquals(a, b);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  // JSON values from a multivariate flag compare by identity in code: an object never === a literal.
  return a === b;
}

function looseEquals(a: unknown, b: unknown): boolean {
  // eslint-disable-next-line eqeqeq
  return a == b;
}

function isBooleanCallee(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && call.expression.text === 'Boolean' && !call.questionDotToken;
}

/** `Boolean(<true>)` → `true`. */
function booleanCall(call: ts.CallExpression, markers: RoundContext['markers']): { value: boolean } | undefined {
  if (!isBooleanCallee(call) || call.arguments.length !== 1) return undefined;
  const known = knownValue(call.arguments[0], markers);
  return known && { value: !!known.value };
}

/** Is this expression the whole `{...}` child of a JSX element (its value is rendered)? */
function isJsxChildValue(node: ts.Node): boolean {
  const host = climbParens(node);
  return ts.isJsxExpression(host.parent) && isJsxChild(host.parent);
}

export { climbParens };
