import ts = require('typescript');
import { lastSegment, objectPathMatches, pathSegments } from './callee';
import type { FileScope } from './file-scope';
import { addDestructureChecks, addMemberCheck } from './match-hook';
import type { MemberMatcher } from './patterns';

/** `config.featureToggles.newNav`, `featureFlags[FLAGS.X]`: the member of a configured object path is the key. */
export function matchMemberAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, scope: FileScope): void {
  const m = memberMatcherFor(node.expression, scope);
  if (!m) return;
  scope.needParents();
  addMemberCheck(node, m, scope);
}

/** `const { newNav } = config.featureToggles`. */
export function matchMemberDestructure(decl: ts.VariableDeclaration, scope: FileScope): void {
  if (!decl.initializer || !ts.isObjectBindingPattern(decl.name)) return;
  const m = memberMatcherFor(decl.initializer, scope);
  if (!m) return;
  scope.needParents();
  addDestructureChecks(decl.name, m, scope);
}

function memberMatcherFor(object: ts.Expression, scope: FileScope): MemberMatcher | undefined {
  const last = lastSegment(object);
  if (last === undefined) return undefined;
  const candidates = scope.ctx.patterns.membersByLast.get(last);
  if (!candidates) return undefined;
  const written = pathSegments(object);
  return candidates.find((m) => objectPathMatches(m.path, written));
}
