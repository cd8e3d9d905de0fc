import ts = require('typescript');
import type { CheckEvaluates, ValueKind, ValueKindBasis } from '../model';
import { lastSegment, usageParent } from './callee';
import type { MatcherOrigin } from './patterns';

/** What the value-kind inference needs to know about one found check. */
export interface KindInput {
  matcher: MatcherOrigin;
  /** The check expression (a call, a member access, a binding element). */
  node: ts.Node;
  evaluates: CheckEvaluates;
  /** The written default argument, when the pattern has one. */
  defaultNode?: ts.Node;
  sf: ts.SourceFile;
}

export interface InferredKind {
  kind: ValueKind;
  basis: ValueKindBasis;
}

/**
 * The kind of value a check reads, from (in order) the SDK method or the pattern's `type`, the written default
 * argument, and the way the code uses the result: compared with a literal, switched on, read as an object
 * (`.title`, destructured, spread), used in arithmetic, passed to `JSON.parse`. Syntax only: the TypeScript
 * checker is not consulted (the cleanup's verification type-checks the result).
 */
export function inferValueKind(input: KindInput): InferredKind {
  const api = apiName(input.node);
  const defaultNode = input.defaultNode ?? (ts.isBindingElement(input.node) ? input.node.initializer : undefined);
  const fromDefault = defaultNode ? literalKind(defaultNode) : undefined;
  const defaultText = defaultNode ? `default ${shorten(defaultNode.getText(input.sf))}` : undefined;
  const declared = input.matcher.valueKind;
  if (declared) {
    const from = input.matcher.sdk === 'custom' ? 'pattern' : 'api';
    const named = from === 'pattern' ? `pattern type ${declared}` : api ? `\`${api}\`` : input.matcher.description;
    return { kind: declared, basis: { from, detail: join(named, defaultText) } };
  }
  if (fromDefault) return { kind: fromDefault, basis: { from: 'default', detail: join(api && `\`${api}\``, defaultText) } };
  const used = kindFromUse(input.node, input.sf);
  if (used) return { kind: used.kind, basis: { from: 'use', detail: join(api && `\`${api}\``, used.detail) } };
  if (input.evaluates === 'boolean') return { kind: 'boolean', basis: { from: 'none', detail: join(api && `\`${api}\``, 'a boolean read unless a type says otherwise') } };
  return { kind: 'unknown', basis: { from: 'none', detail: 'nothing in the code tells the kind' } };
}

function join(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join(', ');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}

/** The called method's name (`getNumberValue`), for messages. */
function apiName(node: ts.Node): string | undefined {
  let n = node;
  if (ts.isAwaitExpression(n)) n = n.expression;
  return ts.isCallExpression(n) ? lastSegment(n.expression) : undefined;
}

/** The kind of a value written as a literal (a default argument, the other side of a comparison). */
export function literalKind(node: ts.Node): ValueKind | undefined {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) return 'string';
  if (ts.isNumericLiteral(n) || (ts.isPrefixUnaryExpression(n) && (n.operator === ts.SyntaxKind.MinusToken || n.operator === ts.SyntaxKind.PlusToken) && ts.isNumericLiteral(n.operand))) return 'number';
  if (n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword) return 'boolean';
  if (ts.isObjectLiteralExpression(n) || ts.isArrayLiteralExpression(n)) return 'object';
  return undefined;
}

const STRING_METHODS = new Set([
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'startsWith', 'endsWith', 'split', 'trim', 'trimStart', 'trimEnd',
  'padStart', 'padEnd', 'charAt', 'charCodeAt', 'codePointAt', 'localeCompare', 'normalize', 'replace', 'replaceAll', 'substring', 'substr', 'match', 'matchAll',
]);
const NUMBER_METHODS = new Set(['toFixed', 'toPrecision', 'toExponential']);
const SCHEMA_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validateSync']);
/** Members every value (or a promise) has: reading them says nothing about the kind. */
const NEUTRAL_MEMBERS = new Set(['then', 'catch', 'finally', 'toString', 'valueOf', 'toLocaleString', 'constructor', 'length', 'includes', 'indexOf', 'lastIndexOf', 'slice', 'concat', 'at']);

const ARITHMETIC = new Set([
  ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken,
]);
const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

interface UseKind {
  kind: ValueKind;
  detail: string;
}

/** How the value of `node` is used; a variable or binding holding it is followed to its reads in the same scope. */
export function kindFromUse(node: ts.Node, sf: ts.SourceFile): UseKind | undefined {
  if (ts.isBindingElement(node)) return ts.isIdentifier(node.name) ? kindOfVariable(node.name, sf) : { kind: 'object', detail: 'destructured' };
  const direct = kindOfExpressionUse(node, sf);
  if (direct) return direct;
  const { parent, outer } = usageParent(node);
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === outer) {
    if (ts.isObjectBindingPattern(parent.name) || ts.isArrayBindingPattern(parent.name)) return { kind: 'object', detail: 'destructured' };
    if (ts.isIdentifier(parent.name)) return kindOfVariable(parent.name, sf);
  }
  return undefined;
}

/** The first read of `name` (in the scope declaring it) that tells a kind. */
function kindOfVariable(name: ts.Identifier, sf: ts.SourceFile): UseKind | undefined {
  const scope = declaringScope(name);
  if (!scope) return undefined;
  let found: UseKind | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n !== name && n.text === name.text && isRead(n)) {
      const kind = kindOfExpressionUse(n, sf);
      if (kind) found = { kind: kind.kind, detail: `${name.text} ${kind.detail}` };
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

function declaringScope(name: ts.Identifier): ts.Node | undefined {
  for (let n: ts.Node | undefined = name.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isFunctionLike(n) || ts.isCaseBlock(n)) return n;
  }
  return undefined;
}

/** An identifier used as a value here (not a property name, a declaration name or a key of an object literal). */
function isRead(id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isBindingElement(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  return true;
}

/** The kind the immediate use of an expression shows, or undefined. */
function kindOfExpressionUse(node: ts.Node, sf: ts.SourceFile): UseKind | undefined {
  const { outer, parent } = usageParent(node);
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const other = parent.left === outer ? parent.right : parent.left;
    if (EQUALITY.has(op)) {
      const kind = literalKind(other);
      return kind ? { kind, detail: `compared with ${shorten(other.getText(sf))}` } : undefined;
    }
    if (ARITHMETIC.has(op) || (op === ts.SyntaxKind.PlusToken && literalKind(other) === 'number')) return { kind: 'number', detail: `used in arithmetic (${parent.operatorToken.getText(sf)})` };
    if (op === ts.SyntaxKind.InKeyword && parent.right === outer) return { kind: 'object', detail: 'tested with `in`' };
    return undefined;
  }
  if (ts.isTypeOfExpression(parent)) {
    const { parent: cmp, outer: typeOf } = usageParent(parent);
    if (cmp && ts.isBinaryExpression(cmp) && EQUALITY.has(cmp.operatorToken.kind)) {
      const other = cmp.left === typeOf ? cmp.right : cmp.left;
      if (ts.isStringLiteral(other) && ['string', 'number', 'boolean', 'object'].includes(other.text)) return { kind: other.text as ValueKind, detail: `typeof compared with '${other.text}'` };
    }
    return undefined;
  }
  if (ts.isSwitchStatement(parent) && parent.expression === outer) {
    for (const clause of parent.caseBlock.clauses) {
      if (!ts.isCaseClause(clause)) continue;
      const kind = literalKind(clause.expression);
      if (kind) return { kind, detail: `switch case ${shorten(clause.expression.getText(sf))}` };
    }
    return undefined;
  }
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === outer) {
    if (ts.isElementAccessExpression(parent)) return { kind: 'object', detail: `\`[${shorten(parent.argumentExpression.getText(sf))}]\` read` };
    const name = parent.name.text;
    if (NEUTRAL_MEMBERS.has(name)) return undefined;
    if (STRING_METHODS.has(name)) return { kind: 'string', detail: `\`.${name}()\` called` };
    if (NUMBER_METHODS.has(name)) return { kind: 'number', detail: `\`.${name}()\` called` };
    return { kind: 'object', detail: `\`.${name}\` read` };
  }
  if (ts.isCallExpression(parent) && parent.arguments.some((a) => a === outer)) {
    const callee = parent.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON' && callee.name.text === 'parse' && parent.arguments[0] === outer) {
      return { kind: 'string', detail: 'passed to JSON.parse' };
    }
    // zod, yup, valibot, ajv: `schema.safeParse(x)`, `schema.validate(x)` check structured data.
    if (ts.isPropertyAccessExpression(callee) && SCHEMA_METHODS.has(callee.name.text) && parent.arguments[0] === outer) {
      return { kind: 'json', detail: `passed to a schema parser (\`.${callee.name.text}()\`)` };
    }
    return undefined;
  }
  if (ts.isPrefixUnaryExpression(parent) && (parent.operator === ts.SyntaxKind.MinusToken || parent.operator === ts.SyntaxKind.PlusToken)) return { kind: 'number', detail: 'used as a number (unary sign)' };
  if (ts.isSpreadAssignment(parent) || ts.isSpreadElement(parent)) return { kind: 'object', detail: 'spread' };
  if (ts.isForOfStatement(parent) && parent.expression === outer) return { kind: 'object', detail: 'iterated with for…of' };
  if (ts.isForInStatement(parent) && parent.expression === outer) return { kind: 'object', detail: 'iterated with for…in' };
  if (ts.isVariableDeclaration(parent) && parent.initializer === outer && (ts.isObjectBindingPattern(parent.name) || ts.isArrayBindingPattern(parent.name))) {
    return { kind: 'object', detail: 'destructured' };
  }
  return undefined;
}
