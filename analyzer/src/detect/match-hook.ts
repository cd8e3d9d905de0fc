import ts = require('typescript');
import type { KeyResolution } from '../keys/resolve';
import { literalValue, usageParent } from './callee';
import type { FileScope } from './file-scope';
import type { MatcherOrigin } from './patterns';

interface FlagsObjectMatcher extends MatcherOrigin {
  keyForm?: 'as-is' | 'camelCase';
  evaluates: 'boolean' | 'value';
}

/**
 * `const { newCheckout } = useFlags()`, `const flags = useFlags(); flags.newCheckout`, `useFlags().newCheckout`:
 * every member read from the returned flags object is a check.
 */
export function matchHookResult(call: ts.CallExpression, m: FlagsObjectMatcher, scope: FileScope): void {
  const { outer, parent } = usageParent(call);
  if (ts.isVariableDeclaration(parent) && parent.initializer === outer) {
    if (ts.isObjectBindingPattern(parent.name)) addDestructureChecks(parent.name, m, scope);
    else if (ts.isIdentifier(parent.name)) addUsesOfFlagsVariable(parent.name.text, parent, m, scope);
  } else if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === outer) {
    addMemberCheck(parent, m, scope);
  }
}

/** Each binding element names a flag: `{ newNav, 'dark-mode': dark, beta = false }`. */
export function addDestructureChecks(pattern: ts.ObjectBindingPattern, m: FlagsObjectMatcher, scope: FileScope): void {
  for (const el of pattern.elements) {
    if (el.dotDotDotToken) continue;
    const nameNode = el.propertyName ?? el.name;
    let resolution: KeyResolution;
    if (ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) || ts.isNumericLiteral(nameNode)) {
      resolution = { key: nameNode.text, origin: 'member-name' };
    } else if (ts.isComputedPropertyName(nameNode)) {
      resolution = scope.ctx.resolver.resolve(nameNode.expression, scope.sf, scope.file);
    } else continue;
    const lit = el.initializer ? literalValue(el.initializer) : undefined;
    scope.add({
      matcher: m,
      kind: 'destructure',
      node: el,
      keyNode: nameNode,
      resolution,
      evaluates: m.evaluates,
      keyForm: m.keyForm,
      hasDefault: !!lit?.ok,
      defaultValue: lit?.ok ? lit.value : undefined,
    });
  }
}

/** `flags.newNav` / `flags['new-nav']` / `flags[FLAGS.X]`. */
export function addMemberCheck(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, m: FlagsObjectMatcher, scope: FileScope): void {
  if (isWriteTarget(access) || isCalledMethod(access)) return;
  if (ts.isPropertyAccessExpression(access)) {
    scope.add({ matcher: m, kind: 'property', node: access, keyNode: access.name, resolution: { key: access.name.text, origin: 'member-name' }, evaluates: m.evaluates, keyForm: m.keyForm });
    return;
  }
  const resolution = scope.ctx.resolver.resolve(access.argumentExpression, scope.sf, scope.file);
  scope.add({ matcher: m, kind: 'element', node: access, keyNode: access.argumentExpression, resolution, evaluates: m.evaluates, keyForm: m.keyForm });
}

/** The reads of a variable holding the flags object, within the scope that declares it. */
function addUsesOfFlagsVariable(name: string, decl: ts.VariableDeclaration, m: FlagsObjectMatcher, scope: FileScope): void {
  let container: ts.Node = decl;
  while (container.parent && !('statements' in container) && !ts.isFunctionLike(container)) container = container.parent;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name && node !== decl.name) {
      const p = node.parent;
      if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === node) addMemberCheck(p, m, scope);
      else if (ts.isVariableDeclaration(p) && p.initializer === node && ts.isObjectBindingPattern(p.name)) addDestructureChecks(p.name, m, scope);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(container);
}

/** `toggles.hasOwnProperty(...)`, `flags.get(...)`: a method of the flags object, not a flag. */
function isCalledMethod(node: ts.Node): boolean {
  const p = node.parent;
  return ts.isCallExpression(p) && p.expression === node;
}

function isWriteTarget(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.left === node) {
    const op = p.operatorToken.kind;
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isDeleteExpression(p)) return true;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  return false;
}
