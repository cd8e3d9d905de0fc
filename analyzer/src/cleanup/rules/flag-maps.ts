import ts = require('typescript');
import type { RoundContext } from '../context';
import { removeListElement } from '../text';
import { removeFlagTags } from './flag-tags';
import { planEntryRemoval, removeMember } from './typed-entries';

/**
 * Which object literals are flag registries (maps from flag key to value), so that the cleaned flag's entry may
 * go from them. Everything else keeps its properties even when one is named like the flag: an API payload
 * `{ featureName: id }` is not a flag map because a property happens to be called `featureName`.
 *
 * An object is a flag map when
 * - it is passed to a test-override call (`mockFlags({...})`, OpenFeature `new InMemoryProvider({...})`,
 *   GrowthBook `setForcedFeatures`/`setFeatures`, PostHog `featureFlags.override`, a hook mock
 *   `jest.mocked(useFlags).mockReturnValue({...})`), or a call whose name ends in `Flags`;
 * - it is held by a name that the config's `property`/`element` patterns read flags from (`featureToggles`
 *   for `config.featureToggles`), or by a name that is plainly a flag collection (`flags`, `featureFlags`,
 *   `defaultFeatures`, `toggles`, `flagOverrides`);
 * - its declared type is one (`const defaults: FeatureFlags = {...}`, `{...} satisfies Flags`).
 * Only entries whose value is written as a literal (`true`, `'treatment'`, `{ variants: {...} }`) go: a flag
 * map holds configuration, not computed values.
 */
const OVERRIDE_CALLS = new Set(['setForcedFeatures', 'setFeatures', 'setForcedVariations', 'mockFlags', 'mockFeatureFlags', 'overrideFlags']);
const OVERRIDE_CONSTRUCTORS = new Set(['InMemoryProvider']);
const COLLECTION_NAME = /(?:^|[a-z_])(?:flags|features|toggles|flagValues|flagOverrides|featureOverrides)$|^(?:flags|features|toggles)$/i;
const MOCK_RESULT_CALLS = new Set(['mockReturnValue', 'mockReturnValueOnce', 'mockResolvedValue', 'mockResolvedValueOnce']);

export interface FlagMapNames {
  /** Last names of the config's property/element pattern paths (`featureToggles` for `config.featureToggles`). */
  paths: ReadonlySet<string>;
  /** Hook names from hook patterns: a mock of their result is a flag map. */
  hooks: ReadonlySet<string>;
}

export function flagMapNames(patterns: readonly unknown[]): FlagMapNames {
  const paths = new Set<string>();
  const hooks = new Set<string>();
  for (const p of patterns as Record<string, unknown>[]) {
    const path = typeof p.property === 'string' ? p.property : typeof p.element === 'string' ? p.element : undefined;
    if (path) paths.add(path.split('.').pop()!.replace(/\?$/, ''));
    if (typeof p.hook === 'string') hooks.add(p.hook.split('.').pop()!);
  }
  return { paths, hooks };
}

function nameOf(n: ts.Node | undefined): string | undefined {
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isPropertyAccessExpression(n)) return n.name.text;
  if (ts.isElementAccessExpression(n)) return nameOf(n.argumentExpression);
  return undefined;
}

function typeNamesFlags(type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    if (/(?:flags|features|toggles)$/i.test(name)) return true;
    // Partial<Flags>, Record<FlagKey, boolean>
    return (type.typeArguments ?? []).some((a) => typeNamesFlags(a) || (ts.isTypeReferenceNode(a) && /flag/i.test(a.typeName.getText())));
  }
  return false;
}

function isNamedHolder(name: string | undefined, names: FlagMapNames): boolean {
  return !!name && (names.paths.has(name) || COLLECTION_NAME.test(name));
}

export function isFlagMap(obj: ts.ObjectLiteralExpression, names: FlagMapNames): boolean {
  let host: ts.Node = obj;
  let p = obj.parent;
  while (ts.isParenthesizedExpression(p) || ts.isSatisfiesExpression(p) || ts.isAsExpression(p)) {
    if ((ts.isSatisfiesExpression(p) || ts.isAsExpression(p)) && typeNamesFlags(p.type)) return true;
    host = p;
    p = p.parent;
  }
  if (ts.isPropertyAssignment(p)) return isNamedHolder(nameOf(p.name), names);
  if (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p)) return isNamedHolder(nameOf(p.name), names) || typeNamesFlags(p.type);
  if (ts.isBinaryExpression(p) && p.right === host && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return isNamedHolder(nameOf(p.left), names);
  if (ts.isNewExpression(p)) return OVERRIDE_CONSTRUCTORS.has(nameOf(p.expression) ?? '');
  if (ts.isCallExpression(p) && p.arguments.includes(host as ts.Expression)) return isOverrideCall(p, names);
  return false;
}

function isOverrideCall(call: ts.CallExpression, names: FlagMapNames): boolean {
  const callee = call.expression;
  const name = nameOf(callee);
  if (!name) return false;
  if (OVERRIDE_CALLS.has(name) || /^[a-z]\w*Flags$/.test(name)) return true;
  // posthog.featureFlags.override({...}), flagsmith.setFlags(...)
  if (name === 'override' && ts.isPropertyAccessExpression(callee) && /(?:flags|features)$/i.test(nameOf(callee.expression) ?? '')) return true;
  if (MOCK_RESULT_CALLS.has(name) && ts.isPropertyAccessExpression(callee)) {
    const receiver = callee.expression.getText();
    return [...names.hooks].some((h) => new RegExp(`\\b${h}\\b`).test(receiver));
  }
  return false;
}

/** A value written as configuration: a literal, or an object/array literal made of literals (`{ variants: {...} }`). */
export function isLiteralValue(n: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n)) return isLiteralValue(n.expression);
  if (ts.isStringLiteral(n) || ts.isNumericLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return true;
  if (n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword || n.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(n)) return n.text === 'undefined' || /^__flagsweep_\d+__$/.test(n.text);
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(n.operand);
  if (ts.isArrayLiteralExpression(n)) return n.elements.every((e) => !ts.isSpreadElement(e) && isLiteralValue(e));
  if (ts.isObjectLiteralExpression(n)) return n.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isLiteralValue(p.initializer));
  return false;
}

/** Test and config leftovers: the cleaned flag's entry in flag maps (`{ flags: { 'new-checkout': true } }`). */
export function removeFlagOverrides(ctx: RoundContext, keyNames: ReadonlySet<string>, patterns: readonly unknown[]): void {
  const names = flagMapNames(patterns);
  const entries: ts.PropertyAssignment[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n) && n.properties.some((p) => keyNames.has(nameOf(p.name) ?? '')) && isFlagMap(n, names)) {
      for (const prop of n.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
        if (name && keyNames.has(name) && isLiteralValue(prop.initializer)) entries.push(prop);
      }
    }
    if (ts.isExpressionStatement(n) && isTestDataUpdate(n.expression, keyNames)) ctx.group(() => ctx.remove(n));
    else if (ts.isArrayLiteralExpression(n) && isForcedFeatureMap(n)) {
      n.elements.forEach((e, i) => {
        if (ts.isArrayLiteralExpression(e) && e.elements.length === 2 && keyNames.has(nameOf(e.elements[0]) ?? '') && isLiteralValue(e.elements[1])) {
          ctx.group(() => ctx.edits.push(removeListElement(ctx.sf, n.elements, i)));
        }
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.sf);
  removeFlagTags(ctx, keyNames);
  const going = new Set<ts.Node>(entries);
  for (const prop of entries) {
    const obj = prop.parent as ts.ObjectLiteralExpression;
    const plan = planEntryRemoval(ctx, obj, nameOf(prop.name)!, going);
    if (plan.kind === 'keep') {
      ctx.leave(prop, `flag-map entry kept: ${plan.reason}`);
      continue;
    }
    ctx.group(() => {
      ctx.edits.push(removeListElement(ctx.sf, obj.properties, obj.properties.indexOf(prop)));
      if (plan.kind === 'remove-with-member') ctx.edits.push(removeMember(ctx, plan.member));
    });
  }
}

/** LaunchDarkly test data: `td.update(td.flag('new-checkout')…)` sets the flag for a test. */
function isTestDataUpdate(e: ts.Expression, keyNames: ReadonlySet<string>): boolean {
  if (!ts.isCallExpression(e) || nameOf(e.expression) !== 'update' || e.arguments.length !== 1) return false;
  let inner: ts.Expression = e.arguments[0];
  while (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && nameOf(inner.expression) !== 'flag') inner = inner.expression.expression;
  if (!ts.isCallExpression(inner) || nameOf(inner.expression) !== 'flag' || inner.arguments.length !== 1) return false;
  const key = inner.arguments[0];
  return (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) && keyNames.has(key.text);
}

/** GrowthBook `setForcedFeatures(new Map([['key', value], …]))`. */
function isForcedFeatureMap(arr: ts.ArrayLiteralExpression): boolean {
  const ctor = arr.parent;
  if (!ts.isNewExpression(ctor) || nameOf(ctor.expression) !== 'Map') return false;
  const call = ctor.parent;
  return ts.isCallExpression(call) && OVERRIDE_CALLS.has(nameOf(call.expression) ?? '');
}
