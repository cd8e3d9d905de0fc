import ts = require('typescript');
import { moduleMatches, SDK_PRESETS } from '../config/presets';
import type { KeyResolution } from '../keys/resolve';
import { calleeMatches, lastSegment, literalValue, pathSegments } from './callee';
import type { FileScope } from './file-scope';
import { matchHookResult } from './match-hook';
import type { CallMatcher, DefinitionMatcher, HookMatcher } from './patterns';

type CallLike = CallMatcher | HookMatcher | DefinitionMatcher;

/** Matches one call against call, hook and flag-factory matchers; the first matching one wins (custom before presets). */
export function matchCall(call: ts.CallExpression, scope: FileScope): void {
  const set = scope.ctx.patterns;
  const callee = call.expression;
  const last = lastSegment(callee);
  if (last === undefined) return;
  const byName = set.callsByName.get(last);
  // `import { useFlag as useToggle }`: the exported name finds the matcher.
  const imp = ts.isIdentifier(callee) ? scope.imports.get(last) : undefined;
  const byImport = imp && imp.imported !== last ? set.callsByName.get(imp.imported) : undefined;
  if (!byName && !byImport) {
    if (mayCallFlagFunction(call, last, scope)) matchFlagFunctionCall(call, scope);
    return;
  }
  let written: string[] | undefined;
  for (const m of [...(byName ?? []), ...(byImport ?? [])] as CallLike[]) {
    if (!scope.isActive(m)) continue;
    if (m.kind === 'definition') {
      if (!scope.importsName(callee, m.callee, m.modules)) continue;
      scope.needParents();
      matchDefinition(call, m, scope);
      return;
    }
    if (m.imported) {
      if (!scope.importsName(callee, m.callee[m.callee.length - 1], m.modules)) continue;
    } else {
      written ??= pathSegments(callee);
      if (!calleeMatches(m.callee, written)) continue;
    }
    scope.needParents();
    if (m.kind === 'hook') matchHookResult(call, m, scope);
    else addCallCheck(call, m, scope);
    return;
  }
  if (mayCallFlagFunction(call, last, scope)) matchFlagFunctionCall(call, scope);
}

/**
 * Worth resolving as a flag-function call: a name some flag factory produced, or (flag factories enabled)
 * an awaited call of something imported from project code or declared with a factory in this file.
 */
function mayCallFlagFunction(call: ts.CallExpression, name: string, scope: FileScope): boolean {
  if (scope.ctx.patterns.definedFlagFunctions.has(name)) return true;
  if (!scope.ctx.patterns.hasDefinitions) return false;
  if (scope.importsFlagFactory) return true;
  const root = ts.isIdentifier(call.expression) ? call.expression : ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression) ? call.expression.expression : undefined;
  const imp = root && scope.imports.get(root.text);
  if (!imp || !(imp.module.startsWith('.') || imp.module.startsWith('@/') || imp.module.startsWith('~/'))) return false;
  scope.needParents();
  return !!call.parent && ts.isAwaitExpression(call.parent);
}

function addCallCheck(call: ts.CallExpression, m: CallMatcher, scope: FileScope): void {
  const arg = call.arguments[m.keyArg];
  if (m.keyList && arg && ts.isArrayLiteralExpression(arg)) {
    for (const el of arg.elements) {
      const resolution: KeyResolution = ts.isSpreadElement(el)
        ? { key: null, dynamic: { expression: el.getText(scope.sf), reason: 'spread element' } }
        : scope.ctx.resolver.resolve(el, scope.sf, scope.file);
      scope.add({ matcher: m, kind: 'call', node: call, keyNode: el, resolution, evaluates: m.evaluates === 'infer' ? 'value' : m.evaluates });
    }
    return;
  }
  const resolution: KeyResolution = !arg
    ? { key: null, dynamic: { expression: call.getText(scope.sf), reason: `no key argument at position ${m.keyArg}` } }
    : ts.isSpreadElement(arg)
      ? { key: null, dynamic: { expression: arg.getText(scope.sf), reason: 'spread argument' } }
      : scope.ctx.resolver.resolve(arg, scope.sf, scope.file);
  let hasDefault = false;
  let defaultValue: unknown;
  const defaultArg = m.defaultArg !== undefined ? call.arguments[m.defaultArg] : undefined;
  if (defaultArg) {
    const lit = literalValue(defaultArg);
    if (lit.ok) [hasDefault, defaultValue] = [true, lit.value];
  } else if (m.hasImplicitDefault) {
    [hasDefault, defaultValue] = [true, m.implicitDefault];
  }
  const evaluates = m.evaluates === 'infer' ? (typeof defaultValue === 'boolean' ? 'boolean' : 'value') : m.evaluates;
  scope.add({
    matcher: m,
    kind: 'call',
    node: withAwait(call),
    keyNode: arg ?? call,
    resolution,
    negate: m.negate,
    evaluates,
    hasDefault,
    defaultValue,
    defaultNode: defaultArg,
  });
}

/** `await client.getBooleanValue(...)`: the awaited expression is what the check evaluates to. */
function withAwait(node: ts.Expression): ts.Node {
  return node.parent && ts.isAwaitExpression(node.parent) ? node.parent : node;
}

/** `export const showBanner = flag({ key: 'show-banner', decide })` declares the key; calls of showBanner read it. */
function matchDefinition(call: ts.CallExpression, m: DefinitionMatcher, scope: FileScope): void {
  const keyExpr = factoryKeyExpression(call, m.keyProperty);
  const decl = call.parent && ts.isVariableDeclaration(call.parent) && ts.isIdentifier(call.parent.name) ? call.parent : undefined;
  const resolution: KeyResolution = keyExpr
    ? scope.ctx.resolver.resolve(keyExpr, scope.sf, scope.file)
    : { key: null, dynamic: { expression: call.getText(scope.sf), reason: `no "${m.keyProperty}" property` } };
  if (resolution.key === null) {
    scope.add({ matcher: m, kind: 'call', node: call, keyNode: keyExpr ?? call, resolution, evaluates: m.evaluates });
    return;
  }
  if (decl) {
    const name = (decl.name as ts.Identifier).text;
    scope.ctx.patterns.definedFlagFunctions.add(name);
    scope.declare({ file: scope.file, sf: scope.sf, node: decl, name }, resolution.key);
  }
}

function factoryKeyExpression(call: ts.CallExpression, keyProperty: string): ts.Expression | undefined {
  const options = call.arguments[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const p of options.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === keyProperty) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === keyProperty) return p.name;
  }
  return undefined;
}

/** `await showBanner()` where showBanner (here or imported) was made by a flag factory. */
function matchFlagFunctionCall(call: ts.CallExpression, scope: FileScope): void {
  scope.needParents();
  const resolver = scope.ctx.resolver;
  const target = resolver.evaluate(call.expression, scope.sf, scope.file, 0);
  if (target.kind !== 'call' || !target.declaration) return;
  const factory = flagFactoryOf(target.call, target.sf, scope);
  if (!factory) return;
  const keyExpr = factoryKeyExpression(target.call, factory.keyProperty);
  if (!keyExpr) return;
  const value = resolver.evaluate(keyExpr, target.sf, target.file, 1);
  if (value.kind !== 'string') return;
  const resolution: KeyResolution = {
    key: value.value,
    origin: target.declaration.file === scope.file ? 'const' : 'import',
    declaration: target.declaration,
  };
  scope.add({ matcher: factory, kind: 'call', node: withAwait(call), keyNode: call.expression, resolution, evaluates: factory.evaluates });
}

/** The definition matcher whose factory made `call` (checked against the imports of the file declaring it). */
function flagFactoryOf(call: ts.CallExpression, sf: ts.SourceFile, scope: FileScope): DefinitionMatcher | undefined {
  const name = lastSegment(call.expression);
  if (name === undefined) return undefined;
  for (const m of scope.ctx.patterns.callsByName.get(name) ?? []) {
    if (m.kind !== 'definition') continue;
    const modules = m.modules ?? SDK_PRESETS[m.sdk as keyof typeof SDK_PRESETS]?.modules ?? [];
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !moduleMatches(st.moduleSpecifier.text, modules)) continue;
      const nb = st.importClause?.namedBindings;
      if (nb && ts.isNamedImports(nb) && nb.elements.some((el) => el.name.text === name && (el.propertyName ?? el.name).text === m.callee)) return m;
    }
  }
  return undefined;
}
