import ts = require('typescript');
import type { RoundContext } from './context';
import { References } from './scope';
import { isPure, startsHazardously, statementList } from './syntax';
import { isDayjsReaderCall, isLodashReaderCall, isPredicateCall } from './pure-calls';
import type { TextEdit } from './edits';
import { lineStart, removeListElement } from './text';
import { removeDeclarator } from './variables';

/**
 * Declarations that had references before the cleanup, identified by where they are (enclosing named scopes)
 * and what they are called. Only these may be pruned when they end up unreferenced: code that was already
 * unused stays as the author left it.
 */
export function referencedDeclarations(sf: ts.SourceFile, refs: References): Set<string> {
  const out = new Set<string>();
  forEachDeclaration(sf, (name, key, decl) => {
    const found = refs.referencesTo(name);
    // Read, not only assigned: a `let` nobody read before the cleanup is the author's, whatever it is assigned.
    if (found.some((id) => !isAssignmentTarget(id))) out.add(key);
    if (isLetStatement(decl) && found.some(isWrite)) out.add(`reassigned:${key}`);
  });
  return out;
}

/** `let x = …;` alone in its statement (not a loop header): the shape `const` can replace. */
function isLetStatement(decl: ts.Node): decl is ts.VariableDeclaration {
  if (!ts.isVariableDeclaration(decl) || !decl.initializer || !ts.isIdentifier(decl.name)) return false;
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && !!(list.flags & ts.NodeFlags.Let) && list.declarations.length === 1 && ts.isVariableStatement(list.parent);
}

/** Does `id` change the variable (`x = …`, `x += …`, `x++`, `[x] = …`, `for (x of …)`)? Unsure counts as yes. */
function isWrite(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  for (;;) {
    const p = n.parent;
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
    if (ts.isBinaryExpression(p)) return p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
    if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n) return true;
    if (ts.isParenthesizedExpression(p) || ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p) || ts.isSpreadElement(p) || ts.isSpreadAssignment(p) || ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === n)) {
      n = p;
      continue;
    }
    return false;
  }
}

function hasJsx(sf: ts.SourceFile): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function isAssignmentTarget(id: ts.Identifier): boolean {
  const p = id.parent;
  return ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isExpressionStatement(p.parent);
}

function scopePath(node: ts.Node): string {
  const parts: string[] = [];
  for (let n = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if ((ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isModuleDeclaration(n)) && n.name && ts.isIdentifier(n.name)) parts.push(n.name.text);
    else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) parts.push(n.name.text);
  }
  return parts.reverse().join('/');
}

type DeclarationVisitor = (name: ts.Identifier, key: string, decl: ts.Node) => void;

function forEachDeclaration(sf: ts.SourceFile, visit: DeclarationVisitor): void {
  const walk = (n: ts.Node): void => {
    if (ts.isImportSpecifier(n) || ts.isImportClause(n) || ts.isNamespaceImport(n)) {
      if (n.name) visit(n.name, `import:${n.name.text}`, n);
    } else if ((ts.isVariableDeclaration(n) || ts.isBindingElement(n)) && ts.isIdentifier(n.name)) {
      visit(n.name, `${scopePath(n)}:var:${n.name.text}`, n);
    } else if (ts.isParameter(n) && ts.isIdentifier(n.name) && isInlineCallback(n.parent)) {
      visit(n.name, `${scopePath(n)}:param:${n.name.text}:${ordinal(n)}`, n);
    } else if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) {
      visit(n.name, `${scopePath(n)}:decl:${n.name.text}`, n);
    }
    ts.forEachChild(n, walk);
  };
  walk(sf);
}

/** An arrow or function expression passed as an argument, a JSX attribute or an object member (`items.map((x) => …)`, `onClick={(e) => …}`). */
function isInlineCallback(fn: ts.Node): fn is ts.ArrowFunction | ts.FunctionExpression {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let host: ts.Node = fn;
  while (ts.isParenthesizedExpression(host.parent)) host = host.parent;
  if (ts.isPropertyAssignment(host.parent)) return host.parent.initializer === host;
  return ts.isCallExpression(host.parent) ? host.parent.arguments.includes(host as ts.Expression) : ts.isJsxExpression(host.parent) && ts.isJsxAttribute(host.parent.parent);
}

/**
 * `const isSupported = ([mode]: [Mode]) => …` that the file only hands over (`modes.filter(isSupported)`), never
 * calls or exports: like an inline callback, it may lose a trailing parameter it no longer reads.
 */
function passedOnlyAsValue(ctx: RoundContext, fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const decl = fn.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== fn || !ts.isIdentifier(decl.name)) return false;
  const stmt = decl.parent.parent;
  if (!(decl.parent.flags & ts.NodeFlags.Const) || !ts.isVariableStatement(stmt) || hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) return false;
  const refs = ctx.references.referencesTo(decl.name);
  return refs.length > 0 && refs.every((ref) => isHandedOver(ref));
}

/** A reference that passes the value on: an argument of a call, not its callee, an export or anything else. */
function isHandedOver(ref: ts.Identifier): boolean {
  let host: ts.Node = ref;
  while (ts.isParenthesizedExpression(host.parent)) host = host.parent;
  const parent = host.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== host && !!parent.arguments?.includes(host as ts.Expression);
}

/** Which of the callbacks with a parameter of this name in the same named scope (keys must tell them apart). */
function ordinal(param: ts.ParameterDeclaration): number {
  const fn = param.parent;
  let scope: ts.Node = fn.parent;
  while (!ts.isSourceFile(scope) && !((ts.isFunctionLike(scope) || ts.isClassLike(scope)) && scope.name)) scope = scope.parent;
  let i = 0;
  let found = -1;
  const name = (param.name as ts.Identifier).text;
  const visit = (n: ts.Node): void => {
    if (found >= 0) return;
    if (ts.isParameter(n) && ts.isIdentifier(n.name) && n.name.text === name && isInlineCallback(n.parent)) {
      if (n === param) found = i;
      i++;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === kind);
}

/** A hook call (`useFlags()`, `useFeatureFlags('x')`): React allows dropping one whose result is unused. */
function isHookCallee(callee: ts.Expression): boolean {
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  return ts.isIdentifier(name) && /^use[A-Z0-9]/.test(name.text);
}

/**
 * An initializer that may go with its unused variable: pure, except that hook calls are allowed (a hook whose
 * result is unused may be dropped; a `const` in a component body runs unconditionally, so the rules of hooks
 * still hold for the hooks that stay). `useTrialStatus(id, { enabled: !!id })?.status === 'trial'` qualifies.
 */
export function isRemovableInitializer(node: ts.Expression): boolean {
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok || ts.isFunctionLike(n)) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      if (!ts.isCallExpression(n) || !(isHookCallee(n.expression) || isReadOnlyCall(n))) ok = false;
      else {
        visit(n.expression);
        // A read-only call runs its callbacks: they must not do anything either (`(t) => t.id === id`).
        const runsCallbacks = !isHookCallee(n.expression) && (isLodashReaderCall(n) || isPredicateCall(n) || !(ts.isIdentifier(n.expression) || nameIs(n.expression, 'lazy')));
        for (const a of n.arguments) {
          if (runsCallbacks && (ts.isArrowFunction(a) || ts.isFunctionExpression(a))) ok &&= ts.isArrowFunction(a) && !ts.isBlock(a.body) && isPure(a.body);
          else visit(a);
        }
      }
      return;
    }
    if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) ok = false;
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) ok = false;
    if (ts.isDeleteExpression(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isTaggedTemplateExpression(n) || ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n)) {
      ok = isPure(n);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return ok;
}

const READ_ONLY_METHODS = new Set(['find', 'findIndex', 'findLast', 'filter', 'map', 'flatMap', 'some', 'every', 'includes', 'indexOf', 'slice', 'concat', 'join', 'at', 'toString', 'trim', 'toLowerCase', 'toUpperCase', 'startsWith', 'endsWith', 'keys', 'values', 'entries']);

/**
 * Calls that only read (`types?.find((t) => t.id === id)`, `React.lazy(() => import('./X'))`, lodash's
 * `get(rule, 'opts.dry_run')`, Day.js's `dayjs(end).diff(dayjs(), 'days')`): their result unused, they may go.
 */
function isReadOnlyCall(call: ts.CallExpression): boolean {
  if (isLodashReaderCall(call) || isPredicateCall(call) || isDayjsReaderCall(call)) return true;
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'lazy';
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (callee.name.text === 'lazy' && ts.isIdentifier(callee.expression) && callee.expression.text === 'React') return true;
  return READ_ONLY_METHODS.has(callee.name.text);
}

function nameIs(callee: ts.Expression, name: string): boolean {
  return ts.isPropertyAccessExpression(callee) && callee.name.text === name;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** One pruning pass: removes declarations the cleanup left without references. */
export function pruneDead(ctx: RoundContext, referencedBefore: ReadonlySet<string>): void {
  const groups: (() => void)[] = [];
  const jsxReads = ctx.jsxFactories && ctx.jsxFactories.length > 0 && hasJsx(ctx.sf) ? new Set(ctx.jsxFactories) : undefined;
  const wasRead: WasRead = (name) => referencedBefore.has(`${scopePath(name.parent)}:var:${name.text}`);
  forEachDeclaration(ctx.sf, (name, key, decl) => {
    if (jsxReads?.has(name.text) && key.startsWith('import:')) return;
    // `let filters = …` whose only reassignment the cleanup removed: `const`, as prefer-const would ask.
    if (referencedBefore.has(`reassigned:${key}`) && isLetStatement(decl) && !ctx.references.referencesTo(name).some(isWrite)) {
      const keyword = decl.parent.getStart(ctx.sf);
      groups.push(() => ctx.edit(keyword, keyword + 'let'.length, 'const'));
    }
    if (!referencedBefore.has(key)) return;
    const refs = ctx.references.referencesTo(name);
    if (refs.length > 0 && !(ts.isVariableDeclaration(decl) && writtenOnly(ctx, decl, refs))) return;
    groups.push(() => removeDeclaration(ctx, decl, wasRead));
  });
  const from = ctx.edits.length;
  for (const g of groups) {
    ctx.group(g);
  }
  closeUpBlockStart(ctx.text, ctx.edits.slice(from));
}

/**
 * Consecutive declarations removed in one round: each removal alone sees a non-blank neighbour, together they
 * can leave a block starting with a blank line, or two blank lines in a row. After a block's `{` the run takes
 * the blank lines after it; after a blank line it takes one.
 */
function closeUpBlockStart(text: string, edits: TextEdit[]): void {
  const removals = edits.filter((e) => e.newText === '').sort((a, b) => a.start - b.start);
  const lineAt = (from: number): { text: string; next: number } | undefined => {
    const nl = text.indexOf('\n', from);
    return nl === -1 ? undefined : { text: text.slice(from, nl), next: nl + 1 };
  };
  for (let i = 0; i < removals.length; i++) {
    const first = removals[i];
    let last = first;
    while (i + 1 < removals.length && removals[i + 1].start === last.end) last = removals[++i];
    if (last === first || first.start === 0 || text[first.start - 1] !== '\n' || text[last.end - 1] !== '\n') continue;
    const before = text.slice(lineStart(text, first.start - 1), first.start - 1);
    const opensBlock = /\{[ \t]*\r?$/.test(before);
    if (!opensBlock && before.trim() !== '') continue;
    for (let line = lineAt(last.end); line && line.text.trim() === ''; line = lineAt(last.end)) {
      last.end = line.next;
      if (!opensBlock) break;
    }
  }
}

/** Was this destructured name read before the cleanup (see referencedDeclarations)? */
type WasRead = (name: ts.Identifier) => boolean;

function removeDeclaration(ctx: RoundContext, decl: ts.Node, wasRead: WasRead): void {
  const sf = ctx.sf;
  if (ts.isImportSpecifier(decl)) {
    const named = decl.parent;
    const clause = named.parent;
    if (named.elements.length > 1) ctx.edits.push(removeListElement(sf, named.elements, named.elements.indexOf(decl)));
    else if (clause.name) ctx.edit(clause.name.getEnd(), named.getEnd(), '');
    else ctx.remove(clause.parent);
    return;
  }
  if (ts.isNamespaceImport(decl)) {
    const clause = decl.parent;
    if (clause.name) ctx.edit(clause.name.getEnd(), decl.getEnd(), '');
    else ctx.remove(clause.parent);
    return;
  }
  if (ts.isImportClause(decl)) {
    if (decl.namedBindings) ctx.edit(decl.name!.getStart(sf), decl.namedBindings.getStart(sf), '');
    else ctx.remove(decl.parent);
    return;
  }
  if (ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl)) {
    if (hasModifier(decl, ts.SyntaxKind.ExportKeyword) || hasModifier(decl, ts.SyntaxKind.DeclareKeyword)) return;
    ctx.remove(decl);
    return;
  }
  if (ts.isVariableDeclaration(decl)) {
    const stmt = decl.parent.parent;
    if (!ts.isVariableStatement(stmt) || hasModifier(stmt, ts.SyntaxKind.ExportKeyword) || hasModifier(stmt, ts.SyntaxKind.DeclareKeyword)) return;
    const writes = writesTo(ctx, decl);
    if (decl.initializer && !isRemovableInitializer(decl.initializer)) {
      if (writes.length === 0) keepInitializerEffect(ctx, decl, stmt);
      return;
    }
    removeDeclarator(ctx, decl);
    for (const write of writes) keepAssignedEffect(ctx, write);
    return;
  }
  if (ts.isParameter(decl)) {
    removeTrailingParameter(ctx, decl);
    return;
  }
  if (ts.isBindingElement(decl)) {
    const pattern = decl.parent;
    if (ts.isParameter(pattern.parent)) {
      // `({ gb }) => true`: the destructured parameter goes once none of its names is read.
      const names = (pattern.elements as ts.NodeArray<ts.ArrayBindingElement>).filter((e): e is ts.BindingElement => ts.isBindingElement(e));
      const unread = (e: ts.BindingElement): boolean => ts.isIdentifier(e.name) && ctx.references.referencesTo(e.name).length === 0;
      if ((isInlineCallback(pattern.parent.parent) || passedOnlyAsValue(ctx, pattern.parent.parent)) && names.every(unread)) removeTrailingParameter(ctx, pattern.parent);
      else if (ts.isObjectBindingPattern(pattern) && !names.some((e) => e.dotDotDotToken) && !names.every(unread)) {
        // `({ required, name }) => …` with `required` no longer read: the binding goes; the parameter's type is its annotation.
        ctx.edits.push(removeListElement(sf, pattern.elements, pattern.elements.indexOf(decl)));
      }
      return;
    }
    if (decl.dotDotDotToken) return;
    const { element, pattern: from } = unreadNestedElement(ctx, decl, wasRead);
    const holder = declarationOf(from);
    if (!holder?.initializer) return;
    const stmt = holder.parent.parent;
    if (!ts.isVariableStatement(stmt) || hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) return;
    if (!isRemovableInitializer(holder.initializer)) return;
    // Every name of the pattern went unread with the cleanup (several in this round): the declaration goes, not each
    // element (that would leave `const {} = …`). A name unread before the cleanup keeps it.
    if (ts.isObjectBindingPattern(holder.name) && madeUnread(ctx, holder.name, wasRead)) {
      removeDeclarator(ctx, holder);
      return;
    }
    if (ts.isArrayBindingPattern(from)) {
      if (from.parent !== holder) return; // an array pattern nested in another stays
      // `const [open, setOpen] = useState(false)`: the whole declaration once no name is read, else a trailing name.
      const names = from.elements.filter((e): e is ts.BindingElement => ts.isBindingElement(e));
      if (names.every((e) => ts.isIdentifier(e.name) && ctx.references.referencesTo(e.name).length === 0)) removeDeclarator(ctx, holder);
      else if (from.elements.at(-1) === decl) ctx.edits.push(removeListElement(sf, from.elements, from.elements.length - 1));
      // `const [showModal, hideModal] = useModalHook(…)` with only `hideModal` read: `const [, hideModal]`.
      else if (!decl.initializer && !decl.propertyName) ctx.replace(decl, '');
      return;
    }
    // The name's element goes, or the nested `connection: { schemaChange }` whose names all went unread with it
    // (unreadNestedElement); a pattern holding a rest element stays (removing a key changes what the rest collects).
    if (from.elements.some((e) => e.dotDotDotToken) || from.elements.length < 2) return;
    ctx.edits.push(removeListElement(sf, from.elements, from.elements.indexOf(element)));
  }
}

/**
 * `const response = await save(data)` whose name nothing reads any more: what it awaited still has to happen, so
 * it stays as a statement (`await save(data)`); `const legacy = require('./init')` keeps the require. Other calls
 * keep their variable (`const client = getClient()`: a bare `getClient();` would only puzzle a reviewer).
 */
function keepInitializerEffect(ctx: RoundContext, decl: ts.VariableDeclaration, stmt: ts.VariableStatement): void {
  const init = decl.initializer!;
  if (stmt.declarationList.declarations.length !== 1 || !ts.isIdentifier(decl.name) || !statementList(stmt)) return;
  const required = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
  if (!(ts.isAwaitExpression(init) || required)) return;
  if (startsHazardously(init.getText(ctx.sf))) return;
  ctx.edit(stmt.getStart(ctx.sf), init.getStart(ctx.sf), '');
}

/** A `let` whose every remaining reference is a `name = value;` statement: nothing reads what it holds. */
function writtenOnly(ctx: RoundContext, decl: ts.VariableDeclaration, refs: readonly ts.Identifier[]): boolean {
  if (!(decl.parent.flags & ts.NodeFlags.Let) || !ts.isIdentifier(decl.name)) return false;
  return refs.every((id) => {
    const write = id.parent;
    if (!ts.isBinaryExpression(write) || write.left !== id || write.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
    return ts.isExpressionStatement(write.parent) && !!statementList(write.parent) && (isPure(write.right) || !startsHazardously(write.right.getText(ctx.sf)));
  });
}

/** `x = value` statements assigning a `let` nothing reads any more (`let response` … `response = await save()`). */
function writesTo(ctx: RoundContext, decl: ts.VariableDeclaration): ts.BinaryExpression[] {
  if (!ts.isIdentifier(decl.name)) return [];
  return ctx.references.referencesTo(decl.name).flatMap((id) => {
    const write = id.parent;
    return ts.isBinaryExpression(write) && write.left === id && write.operatorToken.kind === ts.SyntaxKind.EqualsToken ? [write] : [];
  });
}

/** `response = await save()` → `await save()`; a pure value assigned goes with its statement. */
function keepAssignedEffect(ctx: RoundContext, write: ts.BinaryExpression): void {
  const stmt = write.parent;
  if (isPure(write.right)) ctx.remove(stmt);
  else ctx.edit(write.getStart(ctx.sf), write.right.getStart(ctx.sf), '');
}

export { removeFlagOverrides } from './rules/flag-maps';

/**
 * The element to remove for an unread name of a destructuring: the name's own element, or the outermost nested
 * object pattern around it whose names all went unread with the cleanup (`connection: { schemaChange }`), with the
 * pattern holding it.
 */
function unreadNestedElement(ctx: RoundContext, decl: ts.BindingElement, wasRead: WasRead): { element: ts.BindingElement; pattern: ts.BindingPattern } {
  let element = decl;
  let pattern: ts.BindingPattern = decl.parent;
  while (ts.isObjectBindingPattern(pattern) && ts.isBindingElement(pattern.parent) && ts.isObjectBindingPattern(pattern.parent.parent) && madeUnread(ctx, pattern, wasRead)) {
    element = pattern.parent;
    pattern = element.parent;
  }
  return { element, pattern };
}

/** Did every name a binding pattern declares (at any depth) lose its last reference with the cleanup? */
function madeUnread(ctx: RoundContext, pattern: ts.BindingPattern, wasRead: WasRead): boolean {
  return pattern.elements.every(
    (e) => !ts.isBindingElement(e) || (ts.isIdentifier(e.name) ? wasRead(e.name) && ctx.references.referencesTo(e.name).length === 0 : madeUnread(ctx, e.name, wasRead)),
  );
}

/** The variable declaration a (possibly nested) binding pattern belongs to. */
function declarationOf(pattern: ts.BindingPattern): ts.VariableDeclaration | undefined {
  let p: ts.Node = pattern;
  while (ts.isBindingElement(p.parent)) p = p.parent.parent;
  return ts.isVariableDeclaration(p.parent) ? p.parent : undefined;
}

/** Removes the last parameter of an inline callback (`(a, b) => a` → `(a) => a`); others keep their positions. */
function removeTrailingParameter(ctx: RoundContext, param: ts.ParameterDeclaration): void {
  const fn = param.parent;
  const params = fn.parameters;
  if (params.at(-1) !== param || param.dotDotDotToken || param.initializer) return;
  if (ts.isArrowFunction(fn) && params.length === 1 && param.getStart(ctx.sf) === fn.getStart(ctx.sf)) {
    ctx.replace(param, '()'); // `x => true` has no parentheses of its own
    return;
  }
  if (params.length === 1) ctx.edit(params.pos, params.end, '');
  else ctx.edit(params[params.length - 2].getEnd(), params.hasTrailingComma ? params.end : param.getEnd(), '');
}
