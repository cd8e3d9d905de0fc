import ts = require('typescript');

/**
 * The written path of a callee or object: `this.flags?.isEnabled` → ['this', 'flags', 'isEnabled'],
 * `a['b']` → ['a', 'b']. A part that is not a name (a call result, a computed index) becomes '?', which only `*` matches.
 */
export function pathSegments(expr: ts.Expression): string[] {
  const out: string[] = [];
  let e: ts.Expression = expr;
  for (;;) {
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (ts.isPropertyAccessExpression(e)) {
      out.push(e.name.text);
      e = e.expression;
    } else if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
      out.push(e.argumentExpression.text);
      e = e.expression;
    } else {
      if (ts.isIdentifier(e)) out.push(e.text);
      else if (e.kind === ts.SyntaxKind.ThisKeyword) out.push('this');
      else out.push('?');
      return out.reverse();
    }
  }
}

/** The last segment of a callee without building the whole path (the index lookup key). */
export function lastSegment(expr: ts.Expression): string | undefined {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
    return e.argumentExpression.text;
  }
  return undefined;
}

/**
 * Call patterns: `a.b` matches written callees ending in a.b; `*.b` needs some receiver; a single name `b`
 * matches only a bare call `b(...)`.
 */
export function calleeMatches(pattern: readonly string[], written: readonly string[]): boolean {
  if (pattern[0] === '*') return written.length >= pattern.length && endsWith(written, pattern, 1);
  if (pattern.length === 1) return written.length === 1 && written[0] === pattern[0];
  return written.length >= pattern.length && endsWith(written, pattern, 0);
}

/** Object paths of property/element patterns match as a suffix: `flags` matches `this.flags` too. */
export function objectPathMatches(pattern: readonly string[], written: readonly string[]): boolean {
  if (pattern[0] === '*') return written.length >= pattern.length && endsWith(written, pattern, 1);
  return written.length >= pattern.length && endsWith(written, pattern, 0);
}

function endsWith(written: readonly string[], pattern: readonly string[], from: number): boolean {
  const offset = written.length - pattern.length;
  for (let i = from; i < pattern.length; i++) if (written[offset + i] !== pattern[i]) return false;
  return true;
}

/** Skips the wrappers between a value and where it is used: parentheses, `await`, `as`, `!`. */
export function usageParent(node: ts.Node): { outer: ts.Node; parent: ts.Node } {
  let outer = node;
  let parent = node.parent;
  while (
    parent &&
    (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent))
  ) {
    outer = parent;
    parent = parent.parent;
  }
  return { outer, parent };
}

/** A literal written in code as a plain value (the code default): booleans, numbers, strings, null, JSON-like arrays/objects. */
export function literalValue(expr: ts.Expression): { ok: true; value: unknown } | { ok: false } {
  const e = ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) ? expr.expression : expr;
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { ok: true, value: true };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { ok: true, value: false };
  if (e.kind === ts.SyntaxKind.NullKeyword) return { ok: true, value: null };
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { ok: true, value: e.text };
  if (ts.isNumericLiteral(e)) return { ok: true, value: Number(e.text) };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return { ok: true, value: -Number(e.operand.text) };
  if (ts.isArrayLiteralExpression(e)) {
    const out: unknown[] = [];
    for (const el of e.elements) {
      const v = literalValue(el);
      if (!v.ok) return v;
      out.push(v.value);
    }
    return { ok: true, value: out };
  }
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, unknown> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p)) return { ok: false };
      const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
      const v = literalValue(p.initializer);
      if (name === undefined || !v.ok) return { ok: false };
      out[name] = v.value;
    }
    return { ok: true, value: out };
  }
  return { ok: false };
}
