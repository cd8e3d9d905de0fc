import ts = require('typescript');
import type { JsxPattern } from '../config/schema';
import { type RoundContext, isJsxChild } from './context';
import { literalValue, skipTransparent } from './markers';
import { needsParens } from './syntax';
import { indentOfLine, movedText, reindent, templateLines } from './text';

/** Prop names a gate component commonly uses for "render this when on" / "when off", when the config names none. */
const THEN_PROPS = ['show', 'then', 'render'];
const ELSE_PROPS = ['fallback', 'elseShow', 'else', 'otherwise'];

export interface GateProps {
  keyProp: string;
  valueProp?: string;
  elseProp?: string;
  negateProp?: string;
}

/** The configured props of a gate component, from the jsx pattern naming its tag (defaults otherwise). */
export function gateProps(patterns: readonly unknown[], tagName: string, keyProp: string | undefined): GateProps {
  const last = tagName.split('.').pop() ?? tagName;
  for (const p of patterns) {
    const jsx = p as Partial<JsxPattern>;
    if (typeof jsx.jsx === 'string' && jsx.jsx.split('.').pop() === last) {
      return { keyProp: jsx.keyProp ?? 'flag', valueProp: jsx.valueProp, elseProp: jsx.elseProp, negateProp: jsx.negateProp };
    }
  }
  return { keyProp: keyProp ?? 'flag' };
}

function attributes(el: ts.JsxElement | ts.JsxSelfClosingElement): ts.JsxAttributes {
  return ts.isJsxElement(el) ? el.openingElement.attributes : el.attributes;
}

function attr(el: ts.JsxElement | ts.JsxSelfClosingElement, name: string | undefined): ts.JsxAttribute | undefined {
  if (!name) return undefined;
  return attributes(el).properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name);
}

/** What a gate's attribute holds: a JSX/other expression, a string, or `true` for a bare attribute. */
function attrExpression(a: ts.JsxAttribute): ts.Expression | undefined {
  const init = a.initializer;
  if (!init) return undefined;
  if (ts.isJsxExpression(init)) return init.expression;
  return init as ts.Expression;
}

/**
 * Replaces a gate element `<Feature flag="x">children</Feature>` by what it renders for the final value:
 * the children (or the "then" prop) when the gate is open, the else prop (or nothing) when it is closed.
 */
export function substituteGate(ctx: RoundContext, el: ts.JsxElement | ts.JsxSelfClosingElement, flagValue: unknown, props: GateProps, evaluates: 'boolean' | 'value' = 'boolean'): boolean {
  let open: boolean;
  if (evaluates === 'value' && !(props.valueProp && attr(el, props.valueProp)) && typeof flagValue !== 'boolean') {
    // A component that renders the flag's value (`<FeatureString feature="x" />`): the value itself.
    const marker = ctx.marker(flagValue);
    ctx.replace(el, isJsxChild(el) ? `{${marker}}` : marker);
    return true;
  }
  if (props.valueProp && attr(el, props.valueProp)) {
    const a = attr(el, props.valueProp)!;
    const expr = attrExpression(a);
    const lit = expr && literalValue(expr);
    if (!lit) {
      ctx.leave(el, `gate's ${props.valueProp} prop is not a literal: cannot tell whether it renders`);
      return false;
    }
    open = lit.value === flagValue;
  } else if (typeof flagValue === 'boolean') open = flagValue;
  else {
    ctx.leave(el, `gate reads the flag as a boolean, but the value is ${JSON.stringify(flagValue)}`);
    return false;
  }
  const negate = attr(el, props.negateProp);
  if (negate) {
    const expr = attrExpression(negate);
    const lit = expr ? literalValue(expr) : { value: true };
    if (!lit) {
      ctx.leave(el, `gate's ${props.negateProp} prop is not a literal`);
      return false;
    }
    if (lit.value) open = !open;
  }
  if (open) {
    if (ts.isJsxElement(el) && el.children.some((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces))) {
      replaceWithChildren(ctx, el, el.children);
      return true;
    }
    const thenProp = THEN_PROPS.map((n) => attr(el, n)).find(Boolean);
    replaceWithPropContent(ctx, el, thenProp);
    return true;
  }
  const elseName = props.elseProp ?? ELSE_PROPS.find((n) => attr(el, n));
  replaceWithPropContent(ctx, el, attr(el, elseName));
  return true;
}

function replaceWithPropContent(ctx: RoundContext, el: ts.JsxElement | ts.JsxSelfClosingElement, prop: ts.JsxAttribute | undefined): void {
  const expr = prop && attrExpression(prop);
  if (!expr) {
    removeJsx(ctx, el);
    return;
  }
  const inner = skipTransparent(expr);
  const isJsx = ts.isJsxElement(inner) || ts.isJsxSelfClosingElement(inner) || ts.isJsxFragment(inner);
  if (isJsxChild(el)) {
    if (isJsx) ctx.replace(el, movedText(ctx.sf, inner, el));
    else if (ts.isStringLiteral(inner)) ctx.replace(el, inner.text);
    else ctx.replace(el, `{${movedText(ctx.sf, expr, el)}}`);
    return;
  }
  const text = movedText(ctx.sf, isJsx ? inner : expr, el);
  ctx.replace(el, !isJsx && needsParens(expr, el) ? `(${text})` : text);
}

/** Removes a JSX element: from JSX children it just goes; elsewhere it becomes `null` (renders nothing). */
export function removeJsx(ctx: RoundContext, el: ts.Node): void {
  if (isJsxChild(el)) ctx.remove(el);
  else ctx.replace(el, 'null');
}

function replaceWithChildren(ctx: RoundContext, el: ts.JsxElement, children: ts.NodeArray<ts.JsxChild>): void {
  const meaningful = children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
  const sf = ctx.sf;
  const text = sf.text;
  let start = meaningful[0].getStart(sf);
  let end = meaningful[meaningful.length - 1].getEnd();
  if (ts.isJsxText(meaningful[0])) start = meaningful[0].getStart(sf) + (meaningful[0].text.length - meaningful[0].text.trimStart().length);
  const lastChild = meaningful[meaningful.length - 1];
  if (ts.isJsxText(lastChild)) end = lastChild.getEnd() - (lastChild.text.length - lastChild.text.trimEnd().length);
  const elIndent = indentOfLine(text, el.getStart(sf));
  const snippet = reindent(text.slice(start, end), indentOfLine(text, start), elIndent, templateLines(sf, start, end));
  if (isJsxChild(el)) {
    ctx.replace(el, snippet);
    return;
  }
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (only && ts.isJsxExpression(only) && only.expression && !only.dotDotDotToken) {
    // `<Gate>{cond ? <A/> : <B/>}</Gate>` outside JSX children: the expression itself.
    const text = movedText(sf, only.expression, el);
    ctx.replace(el, needsParens(only.expression, el) ? `(${text})` : text);
    return;
  }
  const single = only !== undefined && !ts.isJsxText(only) && !ts.isJsxExpression(only);
  if (single) {
    ctx.replace(el, snippet);
    return;
  }
  const childIndent = indentOfLine(text, start);
  const wrapped = snippet.includes('\n') || meaningful.length > 1
    ? `<>${ctx.eol}${childIndent}${reindent(text.slice(start, end), childIndent, childIndent)}${ctx.eol}${elIndent}</>`
    : `<>${snippet}</>`;
  ctx.replace(el, wrapped);
}

const isEmptyFragment = (node: ts.Node): node is ts.JsxFragment => ts.isJsxFragment(node) && node.children.every((c) => ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces);

/** The lines a fragment spans, trimmed: how an empty fragment is recognised from one round to the next. */
function fragmentLines(sf: ts.SourceFile, node: ts.Node): string {
  const text = sf.text;
  const start = text.lastIndexOf('\n', node.getStart(sf) - 1) + 1;
  const end = text.indexOf('\n', node.getEnd());
  return text.slice(start, end === -1 ? text.length : end).trim();
}

/** Empty fragments the author wrote (`if (!group) return <></>`): not the cleanup's to drop. */
export function authoredEmptyFragments(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (isEmptyFragment(n)) out.add(fragmentLines(sf, n));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** `<></>` left empty by the cleanup renders nothing: drop it (or make it `null` outside JSX children). */
export function dropEmptyFragment(ctx: RoundContext, node: ts.Node): boolean {
  if (!isEmptyFragment(node)) return false;
  if (ctx.authoredEmptyFragments?.has(fragmentLines(ctx.sf, node))) return false;
  let host: ts.Node = node;
  while (ts.isParenthesizedExpression(host.parent)) host = host.parent;
  const container = host.parent;
  if (ts.isJsxExpression(container) && isJsxChild(container)) ctx.remove(container);
  else removeJsx(ctx, host);
  return true;
}
