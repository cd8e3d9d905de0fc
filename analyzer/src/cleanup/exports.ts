import ts = require('typescript');
import type { RoundContext } from './context';
import type { FlagExport } from './engine';
import { knownValue, skipTransparent } from './markers';
import { removeDeclarator } from './variables';

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function returned(ctx: RoundContext, fn: ts.FunctionLikeDeclaration): { value: unknown } | undefined {
  const body = fn.body;
  if (!body || fn.parameters.length > 0 || fn.asteriskToken) return undefined;
  if (ts.getModifiers(fn as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
  if (!ts.isBlock(body)) return knownValue(body, ctx.markers);
  const only = body.statements.length === 1 ? body.statements[0] : undefined;
  return only && ts.isReturnStatement(only) && only.expression ? knownValue(only.expression, ctx.markers) : undefined;
}

/** Top-level exports that now only return (or hold) a substituted value. */
export function flagExportsOf(ctx: RoundContext): FlagExport[] {
  const out: FlagExport[] = [];
  for (const stmt of ctx.sf.statements) {
    if (!isExported(stmt)) continue;
    if (ts.isFunctionDeclaration(stmt) && stmt.name) {
      const v = returned(ctx, stmt);
      if (v) out.push({ name: stmt.name.text, kind: 'function', value: v.value });
    } else if (ts.isVariableStatement(stmt) && (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const d of stmt.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const init = skipTransparent(d.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
          const v = returned(ctx, init);
          if (v) out.push({ name: d.name.text, kind: 'function', value: v.value });
        } else {
          const v = knownValue(d.initializer, ctx.markers);
          if (v) out.push({ name: d.name.text, kind: 'const', value: v.value });
        }
      }
    }
  }
  return out;
}

/** Deletes top-level exported declarations by name (flag functions no module uses any more). */
export function removeExportedDeclarations(ctx: RoundContext, names: readonly string[]): void {
  const wanted = new Set(names);
  for (const stmt of ctx.sf.statements) {
    if (!isExported(stmt)) continue;
    if (ts.isFunctionDeclaration(stmt) && stmt.name && wanted.has(stmt.name.text)) ctx.group(() => ctx.remove(stmt));
    else if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && wanted.has(d.name.text)) ctx.group(() => removeDeclarator(ctx, d));
      }
    }
  }
}
