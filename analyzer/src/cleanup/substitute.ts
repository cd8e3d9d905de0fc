import ts = require('typescript');
import type { FlagCheck } from '../model';
import type { RoundContext } from './context';
import { gateProps, substituteGate } from './jsx';
import { References } from './scope';
import { isObjectValue, objectNameHint } from './object-values';
import { removeListElement } from './text';
import { kindMismatch } from './value-fit';
import { removeDeclarator } from './variables';

/**
 * A check the engine substitutes: a scanner FlagCheck, or a call of a flag function imported from a module the
 * cleanup already reduced to a constant (`isNewCheckout()` → the value it now returns), which carries that value.
 */
export type EngineCheck = FlagCheck & { fixedValue?: { value: unknown } };

/**
 * The value a check evaluates to once the flag is fixed to `value`, or why that cannot be said: a value whose kind
 * does not fit the read (`true` where the code reads a number, a string where it reads `.title`) is never written.
 */
export function checkValue(check: EngineCheck, value: unknown): { value: unknown } | { reason: string } {
  if (check.fixedValue) return check.fixedValue;
  const misfit = kindMismatch(check, value);
  if (misfit) return { reason: misfit };
  if (check.evaluates === 'boolean') return { value: check.polarity === 'negative' ? !value : value };
  return { value };
}

/** The outermost node spanning exactly [start, end), optionally of a wanted kind. */
export function nodeAt(sf: ts.SourceFile, start: number, end: number, want?: (n: ts.Node) => boolean): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    const s = n.getStart(sf);
    if (s === start && n.getEnd() === end && (!want || want(n))) {
      found = n;
      return;
    }
    if (n.pos <= start && n.getEnd() >= end) ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

/** Writes the value of one flag check into the text (as a marker). Returns false when the site is left for a human. */
export function substituteCheck(ctx: RoundContext, check: EngineCheck, value: unknown, patterns: readonly unknown[]): boolean {
  const { start, end } = check.range;
  switch (check.kind) {
    case 'jsx': {
      const el = nodeAt(ctx.sf, start, end, (n) => ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n)) as ts.JsxElement | ts.JsxSelfClosingElement | undefined;
      if (!el) return notFound(ctx, check);
      const opening = ts.isJsxElement(el) ? el.openingElement : el;
      const keyAttr = nodeAt(ctx.sf, check.keyRange.start, check.keyRange.end);
      let keyProp: string | undefined;
      for (let n = keyAttr; n && n !== el; n = n.parent) if (ts.isJsxAttribute(n)) keyProp = n.name.getText(ctx.sf);
      return substituteGate(ctx, el, check.fixedValue ? check.fixedValue.value : value, gateProps(patterns, opening.tagName.getText(ctx.sf), keyProp), check.evaluates);
    }
    case 'destructure':
      return substituteDestructure(ctx, check, value);
    case 'config-entry':
      return substituteConfigEntry(ctx, check, value);
    default: {
      const result = checkValue(check, value);
      const node = nodeAt(ctx.sf, start, end, (n) => ts.isExpression(n as ts.Expression));
      if (!node) return notFound(ctx, check);
      if ('reason' in result) {
        ctx.leave(node, result.reason);
        return false;
      }
      if (References.isWrite(node as ts.Identifier) || isAssignedMember(node)) {
        ctx.leave(node, 'the flag is written here, not read');
        return false;
      }
      const pending = check.fixedValue ? undefined : unawaitedAsync(node);
      if (pending) {
        ctx.leave(node, `\`${pending}\` returns a Promise and this read does not await it: a plain value would not fit; clean by hand`);
        return false;
      }
      const marker = ctx.marker(result.value);
      if (isObjectValue(result.value)) ctx.markers.hint(marker, objectNameHint(node, check.key));
      ctx.replace(node, marker);
      return true;
    }
  }
}

/**
 * The name of an `…Async` SDK method (`getValueAsync`) whose Promise this read keeps (`() => c.getValueAsync(…)`,
 * `.then(…)`); undefined when it is awaited, or returned from an async function (where a value is as good).
 */
function unawaitedAsync(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (!name || !/.Async$/.test(name)) return undefined;
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isAwaitExpression(p)) return undefined;
  const fn = ts.isReturnStatement(p) ? ts.findAncestor(p, ts.isFunctionLike) : ts.isArrowFunction(p) && p.body === n ? p : undefined;
  if (fn && ts.getModifiers(fn as ts.FunctionLikeDeclaration & ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
  return name;
}

function isAssignedMember(node: ts.Node): boolean {
  const p = node.parent;
  return ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

function notFound(ctx: RoundContext, check: FlagCheck): false {
  ctx.leaveAt(check.range.start, `no ${check.kind} check found at this range (the file changed since it was scanned?)`);
  return false;
}

/** `const { newCheckout } = useFlags()`: uses of `newCheckout` get the value, the binding goes. */
function substituteDestructure(ctx: RoundContext, check: FlagCheck, value: unknown): boolean {
  const el = nodeAt(ctx.sf, check.range.start, check.range.end, ts.isBindingElement) as ts.BindingElement | undefined;
  if (!el) return notFound(ctx, check);
  if (!ts.isIdentifier(el.name)) {
    ctx.leave(el, 'nested destructuring of a flag: clean by hand');
    return false;
  }
  const result = checkValue(check, value);
  if ('reason' in result) {
    ctx.leave(el, result.reason);
    return false;
  }
  const refs = ctx.references.referencesTo(el.name);
  if (refs.some(References.isWrite)) {
    ctx.leave(el, `${el.name.text} is reassigned: the flag value cannot be inlined`);
    return false;
  }
  if (refs.some((r) => ts.isExportSpecifier(r.parent))) {
    ctx.leave(el, `${el.name.text} is exported: other modules may import it`);
    return false;
  }
  const marker = ctx.marker(result.value);
  if (isObjectValue(result.value)) ctx.markers.hint(marker, objectNameHint(el, check.key));
  for (const r of refs) {
    if (ts.isShorthandPropertyAssignment(r.parent)) ctx.replace(r.parent, `${r.text}: ${marker}`);
    else ctx.replace(r, marker);
  }
  const pattern = el.parent;
  const holder = pattern.parent;
  if (pattern.elements.length === 1 && ts.isVariableDeclaration(holder) && ts.isVariableDeclarationList(holder.parent) && ts.isVariableStatement(holder.parent.parent)) {
    removeDeclarator(ctx, holder);
  } else if (pattern.elements.length === 1 && ts.isParameter(holder)) {
    ctx.replace(pattern, '{}');
  } else {
    ctx.edits.push(removeListElement(ctx.sf, pattern.elements, pattern.elements.indexOf(el)));
  }
  return true;
}

/** `{ path: '/x', flag: 'x' }`: on, the entry always applies (the `flag` property goes); off, the entry goes. */
function substituteConfigEntry(ctx: RoundContext, check: FlagCheck, value: unknown): boolean {
  // The range is the entry's object; the key range is the value of its flag property.
  let n: ts.Node | undefined = nodeAt(ctx.sf, check.keyRange.start, check.keyRange.end) ?? nodeAt(ctx.sf, check.range.start, check.range.end);
  while (n && !(ts.isPropertyAssignment(n) && ts.isObjectLiteralExpression(n.parent))) n = n.parent;
  if (!n) return notFound(ctx, check);
  const prop = n as ts.PropertyAssignment;
  const obj = prop.parent as ts.ObjectLiteralExpression;
  const on = check.polarity === 'negative' ? !value : !!value;
  if (typeof value !== 'boolean' && check.evaluates === 'boolean') {
    ctx.leave(prop, `config entry gates on a boolean, but the value is ${JSON.stringify(value)}`);
    return false;
  }
  if (on) {
    ctx.edits.push(removeListElement(ctx.sf, obj.properties, obj.properties.indexOf(prop)));
    return true;
  }
  const list = obj.parent;
  if (ts.isArrayLiteralExpression(list)) {
    ctx.edits.push(removeListElement(ctx.sf, list.elements, list.elements.indexOf(obj)));
    return true;
  }
  ctx.leave(prop, 'config entry is off, but its object is not an element of an array: remove it by hand');
  return false;
}
