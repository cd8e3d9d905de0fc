import ts = require('typescript');
import { skipTransparent } from './markers';
import { isPure } from './syntax';

/**
 * lodash functions that only read their arguments and return a new value (no mutation, no I/O): a call of one whose
 * result nobody reads may go with its variable (`const status = get(rule, 'opts.dry_run')`). `merge`, `set`,
 * `assign`, `remove`, `pull` and friends mutate and are not here.
 */
const LODASH_READERS = new Set([
  'get', 'has', 'hasIn', 'defaultTo', 'identity', 'noop',
  'isEmpty', 'isNil', 'isNull', 'isUndefined', 'isBoolean', 'isString', 'isNumber', 'isFinite', 'isInteger', 'isNaN',
  'isArray', 'isObject', 'isPlainObject', 'isFunction', 'isDate', 'isEqual', 'isMatch',
  'pick', 'pickBy', 'omit', 'omitBy', 'keys', 'values', 'entries', 'toPairs', 'mapValues', 'mapKeys',
  'first', 'head', 'last', 'nth', 'find', 'findLast', 'filter', 'reject', 'map', 'flatMap', 'some', 'every', 'includes',
  'uniq', 'uniqBy', 'sortBy', 'orderBy', 'groupBy', 'keyBy', 'countBy', 'partition', 'flatten', 'flattenDeep', 'compact',
  'difference', 'intersection', 'union', 'without', 'zip', 'chunk', 'take', 'drop', 'slice', 'size', 'sum', 'sumBy',
  'max', 'maxBy', 'min', 'minBy', 'round', 'clone', 'cloneDeep', 'toString', 'toNumber', 'toLower', 'toUpper',
  'capitalize', 'startCase', 'camelCase', 'kebabCase', 'snakeCase', 'lowerCase', 'upperFirst', 'lowerFirst', 'trim',
  'isEqualWith', 'range', 'times',
]);
const LODASH_MODULE = /^lodash(?:-es)?(?:\/[\w.]+)?$/;

interface LodashNames {
  /** Local name → lodash function name, for `import { get as lget } from 'lodash'` and `import get from 'lodash/get'`. */
  functions: Map<string, string>;
  /** Local names of the whole library: `import _ from 'lodash'`, `import * as lodash from 'lodash-es'`. */
  namespaces: Set<string>;
}

const namesByFile = new WeakMap<ts.SourceFile, LodashNames>();

function lodashNames(sf: ts.SourceFile): LodashNames {
  let names = namesByFile.get(sf);
  if (names) return names;
  names = { functions: new Map(), namespaces: new Set() };
  for (const { clause, module } of valueImports(sf, (m) => LODASH_MODULE.test(m))) {
    const sub = module.split('/')[1];
    if (clause.name) {
      if (sub) names.functions.set(clause.name.text, sub);
      else names.namespaces.add(clause.name.text);
    }
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && !sub) names.namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings) && !sub) {
      for (const el of bindings.elements) names.functions.set(el.name.text, (el.propertyName ?? el.name).text);
    }
  }
  namesByFile.set(sf, names);
  return names;
}

/** A call of a lodash function that only reads (`get(x, 'a.b')`, `_.defaultTo(id, 0)`), imported from lodash in this file. */
export function isLodashReaderCall(call: ts.CallExpression): boolean {
  const sf = call.getSourceFile();
  if (!sf) return false;
  const callee = call.expression;
  const names = lodashNames(sf);
  if (ts.isIdentifier(callee)) {
    const fn = names.functions.get(callee.text);
    return fn !== undefined && LODASH_READERS.has(fn);
  }
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && names.namespaces.has(callee.expression.text) && LODASH_READERS.has(callee.name.text);
}

/**
 * `isDefault(db)`, `user.hasRole('x')`, `items.includes(x)`: a call named as a question answers it and changes
 * nothing; kept alone as a statement (`isDefault(db);`) it would only puzzle a reviewer.
 */
export function isPredicateCall(node: ts.Expression): boolean {
  const n = skipTransparent(node);
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return isPredicateCall(n.operand);
  if (!ts.isCallExpression(n) || !n.arguments.every(isPure)) return false;
  if (isLodashReaderCall(n)) return true;
  const callee = ts.isPropertyAccessExpression(n.expression) ? n.expression : undefined;
  const name = callee ? callee.name.text : ts.isIdentifier(n.expression) ? n.expression.text : '';
  if (callee && !isPure(callee.expression)) return false;
  return /^(?:is|has|can|should)[A-Z0-9_]/.test(name) || ['includes', 'some', 'every', 'startsWith', 'endsWith'].includes(name);
}

/**
 * Day.js objects are immutable: `dayjs(x)`, `dayjs.unix(n)` and every method called on what they return
 * (`dayjs(end).diff(dayjs(), 'days')`, `.format('LL')`) make a new value and change nothing, so a variable holding
 * one may go once nothing reads it. `dayjs.extend(…)` and `dayjs.locale(…)` change the library's global state and
 * are not readers. `dayjs` is the default or namespace import of `dayjs` in this file.
 */
export function isDayjsReaderCall(call: ts.CallExpression): boolean {
  const sf = call.getSourceFile();
  if (!sf) return false;
  const names = dayjsNames(sf);
  if (names.size === 0) return false;
  const callee = skipTransparent(call.expression);
  if (ts.isIdentifier(callee)) return names.has(callee.text);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = skipTransparent(callee.expression);
  if (ts.isIdentifier(receiver)) return names.has(receiver.text) && DAYJS_MAKERS.has(callee.name.text);
  return ts.isCallExpression(receiver) && isDayjsReaderCall(receiver);
}

const DAYJS_MAKERS = new Set(['unix', 'utc', 'tz', 'duration', 'isDayjs', 'isDuration', 'max', 'min']);
const dayjsByFile = new WeakMap<ts.SourceFile, Set<string>>();

function dayjsNames(sf: ts.SourceFile): Set<string> {
  let names = dayjsByFile.get(sf);
  if (names) return names;
  names = new Set();
  for (const { clause } of valueImports(sf, (m) => m === 'dayjs')) {
    if (clause.name) names.add(clause.name.text);
    if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.add(clause.namedBindings.name.text);
  }
  dayjsByFile.set(sf, names);
  return names;
}

/** The value imports (not `import type`) of the modules `accepts` names, with their clauses. */
function valueImports(sf: ts.SourceFile, accepts: (module: string) => boolean): { clause: ts.ImportClause; module: string }[] {
  const found: { clause: ts.ImportClause; module: string }[] = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !accepts(st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (clause && !clause.isTypeOnly) found.push({ clause, module: st.moduleSpecifier.text });
  }
  return found;
}
