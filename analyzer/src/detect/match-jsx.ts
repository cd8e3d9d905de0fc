import ts = require('typescript');
import type { KeyResolution } from '../keys/resolve';
import { pathSegments, objectPathMatches } from './callee';
import type { FileScope } from './file-scope';
import type { JsxMatcher } from './patterns';

/** `<Feature flag="new-nav">`, `<IfFeatureEnabled feature={FLAGS.X}>`: a gate component with a key prop. */
export function matchJsx(el: ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope: FileScope): void {
  const tag = el.tagName;
  const written = pathSegments(tag as ts.Expression);
  const last = written[written.length - 1];
  // `import { PostHogFeature as Gate }`: the exported name finds the matcher.
  const imp = ts.isIdentifier(tag) ? scope.imports.get(last) : undefined;
  const candidates = scope.ctx.patterns.jsxByName.get(last) ?? (imp ? scope.ctx.patterns.jsxByName.get(imp.imported) : undefined);
  if (!candidates) return;
  const m = candidates.find((c) => scope.isActive(c) && (c.imported ? scope.importsName(tag as ts.Expression, c.tag[c.tag.length - 1], c.modules) : objectPathMatches(c.tag, written)));
  if (!m) return;
  scope.needParents();
  const node = ts.isJsxOpeningElement(el) ? el.parent : el;
  const keyAttr = attribute(el, m.keyProp);
  let resolution: KeyResolution;
  let keyNode: ts.Node = el.tagName;
  if (!keyAttr) {
    resolution = { key: null, dynamic: { expression: el.getText(scope.sf), reason: `no ${m.keyProp} attribute` } };
  } else if (keyAttr.initializer && ts.isStringLiteral(keyAttr.initializer)) {
    keyNode = keyAttr.initializer;
    resolution = { key: keyAttr.initializer.text, origin: 'jsx-attribute' };
  } else if (keyAttr.initializer && ts.isJsxExpression(keyAttr.initializer) && keyAttr.initializer.expression) {
    keyNode = keyAttr.initializer.expression;
    resolution = scope.ctx.resolver.resolve(keyAttr.initializer.expression, scope.sf, scope.file);
  } else {
    keyNode = keyAttr;
    resolution = { key: null, dynamic: { expression: keyAttr.getText(scope.sf), reason: `${m.keyProp} attribute has no value` } };
  }
  scope.add({ matcher: m, kind: 'jsx', node, keyNode, resolution, negate: isNegated(el, m), evaluates: m.evaluates });
}

function attribute(el: ts.JsxOpeningElement | ts.JsxSelfClosingElement, name: string): ts.JsxAttribute | undefined {
  for (const a of el.attributes.properties) {
    if (ts.isJsxAttribute(a) && ts.isIdentifier(a.name) && a.name.text === name) return a;
  }
  return undefined;
}

/** `<Feature not flag="x">` or `not={true}` inverts the gate; `not={false}` does not. */
function isNegated(el: ts.JsxOpeningElement | ts.JsxSelfClosingElement, m: JsxMatcher): boolean {
  if (!m.negateProp) return false;
  const a = attribute(el, m.negateProp);
  if (!a) return false;
  if (!a.initializer) return true;
  return !(ts.isJsxExpression(a.initializer) && a.initializer.expression?.kind === ts.SyntaxKind.FalseKeyword);
}
