import ts = require('typescript');
import type { FileScope } from './file-scope';

/** `{ path: '/beta', flag: 'new-beta' }`: a configured property in an object literal holds the key. */
export function matchConfigEntry(prop: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, scope: FileScope): void {
  const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
  const m = name === undefined ? undefined : scope.ctx.patterns.configEntries.get(name);
  if (!m) return;
  scope.needParents();
  if (!ts.isObjectLiteralExpression(prop.parent)) return;
  const keyExpr = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
  const resolution = scope.ctx.resolver.resolve(keyExpr, scope.sf, scope.file);
  scope.add({ matcher: m, kind: 'config-entry', node: prop.parent, keyNode: keyExpr, resolution, evaluates: m.evaluates });
}
