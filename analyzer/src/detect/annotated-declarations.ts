import ts = require('typescript');
import type { FileScope } from './file-scope';
import { propertyNameText } from '../keys/resolve';

/**
 * A declaration carrying a flag annotation holds a key even when no check uses it yet:
 * `/** @flag new-nav @expires 2026-12-01 *\/ export const NEW_NAV = 'new-nav'`, an annotated enum member or object member.
 */
type KeyHolder = ts.VariableDeclaration | ts.EnumMember | ts.PropertyAssignment | ts.PropertyDeclaration;

export function annotatedDeclaration(node: KeyHolder, scope: FileScope): void {
  const init = node.initializer;
  if (!init) return;
  const name = declarationName(node);
  if (name === undefined) return;
  const leading = ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) && node.parent.declarations[0] === node ? node.parent.parent : node;
  const annotation = scope.leadingAnnotation(leading, scope.sf, scope.file, scope.locator);
  if (!annotation) return;
  const value = scope.ctx.resolver.evaluate(init, scope.sf, scope.file, 0);
  if (value.kind !== 'string') return;
  scope.declare({ file: scope.file, sf: scope.sf, node, name }, value.value);
}

function declarationName(node: KeyHolder): string | undefined {
  if (ts.isVariableDeclaration(node)) return ts.isIdentifier(node.name) ? node.name.text : undefined;
  const own = propertyNameText(node.name);
  if (own === undefined) return undefined;
  if (ts.isEnumMember(node)) return `${node.parent.name.text}.${own}`;
  if (ts.isPropertyDeclaration(node)) {
    const isStatic = ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
    return isStatic && ts.isClassDeclaration(node.parent) && node.parent.name ? `${node.parent.name.text}.${own}` : undefined;
  }
  const owner = objectOwnerName(node.parent);
  return owner === undefined ? undefined : `${owner}.${own}`;
}

/** `FLAGS` for a member of `const FLAGS = { ... } as const`, `FLAGS.checkout` for a nested object. */
function objectOwnerName(obj: ts.ObjectLiteralExpression): string | undefined {
  let n: ts.Node = obj.parent;
  while (n && (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n) || (ts.isCallExpression(n) && n.arguments.length === 1))) n = n.parent;
  if (n && ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) return n.name.text;
  if (n && ts.isPropertyAssignment(n) && ts.isObjectLiteralExpression(n.parent)) {
    const outer = objectOwnerName(n.parent);
    const own = propertyNameText(n.name);
    return outer !== undefined && own !== undefined ? `${outer}.${own}` : undefined;
  }
  return undefined;
}
