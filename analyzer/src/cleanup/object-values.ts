import ts = require('typescript');
import type { RoundContext } from './context';
import type { TextEdit } from './edits';
import { knownValue, type MarkerTable, quoteString, renderValue } from './markers';

/**
 * Object values (`--value '{"topK":8}'`) are not written as a separate literal at every use (that would give each use
 * its own object, and reads badly): the file gets ONE `const` holding the object, after its imports, written in the
 * file's style, and every use names it. A primitive member read straight off the value folds to the member.
 */

export function isObjectValue(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The name the const of an object value should get: the variable or property it was assigned to, else the key in camelCase. */
export function objectNameHint(node: ts.Node, key: string | null): string | undefined {
  let n = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
  const p = n.parent;
  const fromKey = key === null ? undefined : identifierFrom(key);
  // A short local name (`cfg`, `s`) says less at module level than the flag's own name.
  const telling = (name: string | undefined): string | undefined => (name && ((name.length >= 4 && !GENERIC_NAMES.has(name)) || !fromKey) ? name : fromKey);
  if (p && ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)) return telling(p.name.text);
  if (p && ts.isPropertyAssignment(p) && p.initializer === n && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return telling(identifierFrom(p.name.text));
  if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) return telling(node.name.text);
  return fromKey;
}

/** Local names that say nothing about the flag once at module level. */
const GENERIC_NAMES = new Set(['value', 'values', 'result', 'data', 'flag', 'flags', 'payload', 'variant', 'raw', 'rawValue', 'json', 'flagValue', 'featureValue', 'experimentValue', 'response']);

/** `search-config` → `searchConfig`, `SEARCH_CONFIG` → `searchConfig`, `2fa` → `flag2fa`. */
export function identifierFrom(text: string): string | undefined {
  const words = text.split(/[^A-Za-z0-9$]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  if (words.length === 0) return undefined;
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  const safe = /^[0-9]/.test(name) ? `flag${name[0].toUpperCase()}${name.slice(1)}` : name;
  return RESERVED.has(safe) ? `${safe}Value` : safe;
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async arguments eval undefined NaN Infinity'.split(' '),
);

/**
 * `<object>.topK` (or `?.topK`, `['topK']`) where the object is a substituted value and the member a primitive:
 * the read becomes the member's value. Not for writes or calls of the member.
 */
export function foldValueMember(ctx: RoundContext, node: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return false;
  const known = knownValue(node.expression, ctx.markers);
  if (!known || !isObjectValue(known.value)) return false;
  // Follow a chain of member reads (`cfg.link.url`) down to a primitive; an object member alone stays a read of the const.
  let value: unknown = known.value;
  let access: ts.PropertyAccessExpression | ts.ElementAccessExpression = node;
  for (;;) {
    const name = memberName(access);
    if (name === undefined || !isObjectValue(value)) return false;
    if (!Object.prototype.hasOwnProperty.call(value, name)) {
      if (!Array.isArray(value) && isDereferenced(access)) ctx.leave(access, `reads .${name}.… of the flag, but the value given has no "${name}": complete the value or clean by hand`);
      return false;
    }
    value = (value as Record<string, unknown>)[name];
    if (!isObjectValue(value)) break;
    const next = access.parent;
    if (!((ts.isPropertyAccessExpression(next) || ts.isElementAccessExpression(next)) && next.expression === access)) return false;
    access = next;
  }
  const p = access.parent;
  if (ts.isCallExpression(p) && p.expression === access) return false;
  if (ts.isBinaryExpression(p) && p.left === access && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isDeleteExpression(p)) return false;
  ctx.replaceWithValue(access, value);
  return true;
}

function memberName(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(access)) return access.name.text;
  const arg = access.argumentExpression;
  return ts.isStringLiteral(arg) || ts.isNumericLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : undefined;
}

/** Is the result of `node` read further without `?.` (`cfg.missing.includes(…)`, `cfg.missing()`): a crash when it is undefined. */
function isDereferenced(node: ts.Node): boolean {
  const p = node.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === node) return !p.questionDotToken;
  return ts.isCallExpression(p) && p.expression === node && !p.questionDotToken;
}

/** The file's writing habits the const follows. */
interface FileStyle {
  quote: '"' | "'";
  semicolon: boolean;
  indent: string;
  trailingComma: boolean;
  eol: string;
}

function fileStyle(sf: ts.SourceFile, quote: '"' | "'"): FileStyle {
  const text = sf.text;
  let withSemi = 0;
  let without = 0;
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) || ts.isExpressionStatement(st) || ts.isImportDeclaration(st) || ts.isReturnStatement(st)) {
      if (text[st.getEnd() - 1] === ';') withSemi++;
      else without++;
    }
  }
  const indent = /^( +|\t)\S/m.exec(text)?.[1] ?? '  ';
  return { quote, semicolon: withSemi >= without, indent: indent.startsWith('\t') ? '\t' : indent, trailingComma: trailingCommas(sf), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Do the file's multi-line object and array literals end with a comma (most of them)? */
function trailingCommas(sf: ts.SourceFile): boolean {
  let withComma = 0;
  let without = 0;
  const visit = (n: ts.Node): void => {
    const list = ts.isObjectLiteralExpression(n) ? n.properties : ts.isArrayLiteralExpression(n) ? n.elements : undefined;
    if (list && list.length > 0 && sf.text.slice(n.getStart(sf), n.getEnd()).includes('\n')) {
      if (list.hasTrailingComma) withComma++;
      else without++;
    }
    if (withComma + without < 20) ts.forEachChild(n, visit);
  };
  visit(sf);
  return withComma > without;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value written as code in the file's style: `{ topK: 8, mode: 'fast' }`, over several lines when long. */
export function renderObjectLiteral(value: unknown, style: FileStyle, depth: number, room: number): string {
  if (!isObjectValue(value)) return renderValue(value, style.quote);
  const isArray = Array.isArray(value);
  const parts = isArray
    ? (value as unknown[]).map((v) => renderObjectLiteral(v, style, depth + 1, room))
    : Object.entries(value).map(([k, v]) => `${IDENTIFIER.test(k) ? k : quoteString(k, style.quote)}: ${renderObjectLiteral(v, style, depth + 1, room)}`);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (parts.length === 0) return `${open}${close}`;
  const flat = isArray ? `[${parts.join(', ')}]` : `{ ${parts.join(', ')} }`;
  if (flat.length <= room && !flat.includes('\n')) return flat;
  const inner = style.indent.repeat(depth + 1);
  const outer = style.indent.repeat(depth);
  return `${open}${style.eol}${parts.map((p) => `${inner}${p}`).join(`,${style.eol}`)}${style.trailingComma ? ',' : ''}${style.eol}${outer}${close}`;
}

/**
 * Names and declarations for the object values still in the final text of one file. Each distinct object gets
 * one `const`, named from the hint the substitution recorded (else `flagValue`), never a name the file already uses.
 */
export class ObjectConstants {
  private readonly names = new Map<string, string>();
  private readonly order: { name: string; value: unknown }[] = [];
  private readonly taken: Set<string>;

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly markers: MarkerTable,
    private readonly quote: '"' | "'",
  ) {
    this.taken = bindingNames(sf);
  }

  /** The const name to write for the marker `id`, or undefined when its value is not an object. */
  nameFor(id: ts.Identifier, value: unknown): string | undefined {
    if (!isObjectValue(value)) return undefined;
    let name = this.names.get(id.text);
    if (!name) {
      name = this.freeName(this.markers.hintFor(id.text) ?? 'flagValue');
      this.names.set(id.text, name);
      this.order.push({ name, value });
    }
    return name;
  }

  private freeName(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name) || RESERVED.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    return name;
  }

  /** The edit that declares every named object, after the imports (or directives) at the top of the file. */
  declarationEdits(): TextEdit[] {
    if (this.order.length === 0) return [];
    const style = fileStyle(this.sf, this.quote);
    const decls = this.order.map(({ name, value }) => {
      const head = `const ${name} = `;
      return `${head}${renderObjectLiteral(value, style, 0, 100 - head.length)}${style.semicolon ? ';' : ''}`;
    });
    const block = decls.join(style.eol);
    const { sf } = this;
    let lastTop: ts.Statement | undefined;
    for (const st of sf.statements) {
      if (ts.isImportDeclaration(st) || ts.isImportEqualsDeclaration(st) || (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression) && !lastTop) || isRequireStatement(st)) lastTop = st;
      else if (!(ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression))) break;
    }
    if (lastTop) {
      const end = lastTop.getEnd();
      const blankAfter = /^[ \t]*\r?\n[ \t]*(\r?\n|$)/.test(sf.text.slice(end));
      return [{ start: end, end, newText: `${style.eol}${style.eol}${block}${blankAfter ? '' : style.eol}` }];
    }
    const first = sf.statements[0];
    if (!first) return [{ start: sf.text.length, end: sf.text.length, newText: `${block}${style.eol}` }];
    return [{ start: attachedCommentStart(sf, first), end: attachedCommentStart(sf, first), newText: `${block}${style.eol}${style.eol}` }];
  }
}

/** Identifiers that may name a binding (not member names such as the `x` of `a.x` or `{ x: 1 }`). */
function bindingNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === n) ||
        (ts.isQualifiedName(p) && p.right === n) ||
        ts.isJsxAttribute(p);
      if (!isMemberName) names.add(n.text);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return names;
}

/** `const x = require('x')` at the top of a CommonJS file counts as an import. */
function isRequireStatement(st: ts.Statement): boolean {
  if (!ts.isVariableStatement(st)) return false;
  return st.declarationList.declarations.every((d) => {
    let init = d.initializer;
    while (init && ts.isPropertyAccessExpression(init)) init = init.expression;
    return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  });
}

/** Where the comments that belong to `st` (no blank line between them and it) start; a separated file header stays above. */
function attachedCommentStart(sf: ts.SourceFile, st: ts.Statement): number {
  let start = st.getStart(sf);
  const ranges = ts.getLeadingCommentRanges(sf.text, st.pos) ?? [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const between = sf.text.slice(ranges[i].end, start);
    if (/\n[ \t]*\r?\n/.test(between)) break;
    start = ranges[i].pos;
  }
  return start;
}
