import * as path from 'node:path';
import ts = require('typescript');
import type { ModuleResolver } from './modules';

/** What a name refers to, found by walking scopes (no binder) and following imports and re-exports. */
export type Binding =
  | { kind: 'const'; decl: ts.VariableDeclaration; sf: ts.SourceFile; file: string; name: string }
  /** `const { X } = FLAGS` or `const { X } = require('./flags')`: member X of an expression. */
  | { kind: 'member-of'; object: ts.Expression; member: string; sf: ts.SourceFile; file: string }
  /** `export default { ... }`: the value of an expression that has no name of its own. */
  | { kind: 'expression'; expression: ts.Expression; sf: ts.SourceFile; file: string; name: string }
  | { kind: 'enum'; decl: ts.EnumDeclaration; sf: ts.SourceFile; file: string; name: string }
  /** A class: its static readonly members can hold keys (`class FeatureFlags { static readonly NEW_UI = 'new-ui' }`). */
  | { kind: 'class'; decl: ts.ClassDeclaration; sf: ts.SourceFile; file: string; name: string }
  | { kind: 'namespace'; file: string; name: string }
  | { kind: 'dynamic'; reason: string };

export interface BindingHost {
  readonly modules: ModuleResolver;
  sourceOf(file: string): ts.SourceFile | undefined;
}

/** The binding of `name` as seen from `at` in `sf`. */
export function bindingOf(host: BindingHost, name: string, at: ts.Node, sf: ts.SourceFile, file: string): Binding {
  for (let n: ts.Node | undefined = at; n; n = n.parent) {
    if (ts.isFunctionLike(n) && n.parameters?.some((p) => bindsName(p.name, name))) {
      return { kind: 'dynamic', reason: `\`${name}\` is a function parameter` };
    }
    if (ts.isCatchClause(n) && n.variableDeclaration && bindsName(n.variableDeclaration.name, name)) {
      return { kind: 'dynamic', reason: `\`${name}\` is a catch variable` };
    }
    if ((ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isForStatement(n)) && n.initializer && ts.isVariableDeclarationList(n.initializer)) {
      if (n.initializer.declarations.some((d) => bindsName(d.name, name))) return { kind: 'dynamic', reason: `\`${name}\` is a loop variable` };
    }
    const statements = (n as { statements?: ts.NodeArray<ts.Statement> }).statements;
    if (statements) {
      const found = bindingInStatements(host, statements, name, sf, file);
      if (found) return found;
    }
  }
  return { kind: 'dynamic', reason: `\`${name}\` is not declared in this file` };
}

function bindingInStatements(host: BindingHost, statements: ts.NodeArray<ts.Statement>, name: string, sf: ts.SourceFile, file: string): Binding | undefined {
  for (const st of statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const b = declarationBinding(host, d, name, sf, file);
        if (b) return b;
      }
    } else if (ts.isEnumDeclaration(st) && st.name.text === name) {
      return { kind: 'enum', decl: st, sf, file, name };
    } else if (ts.isClassDeclaration(st) && st.name?.text === name) {
      return { kind: 'class', decl: st, sf, file, name };
    } else if (ts.isFunctionDeclaration(st) && st.name?.text === name) {
      return { kind: 'dynamic', reason: `\`${name}\` is a function` };
    } else if (ts.isImportDeclaration(st) && st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
      const b = importBinding(host, st.importClause, st.moduleSpecifier.text, name, file);
      if (b) return b;
    }
  }
  return undefined;
}

function declarationBinding(host: BindingHost, d: ts.VariableDeclaration, name: string, sf: ts.SourceFile, file: string): Binding | undefined {
  const isConst = (d.parent.flags & ts.NodeFlags.Const) !== 0;
  const required = d.initializer ? requiredModule(d.initializer) : undefined;
  if (ts.isIdentifier(d.name)) {
    if (d.name.text !== name) return undefined;
    if (!isConst) return { kind: 'dynamic', reason: `\`${name}\` is declared with ${d.parent.flags & ts.NodeFlags.Let ? 'let' : 'var'}` };
    if (required !== undefined) return namespaceOf(host, required, file, name);
    return { kind: 'const', decl: d, sf, file, name };
  }
  if (ts.isObjectBindingPattern(d.name)) {
    for (const el of d.name.elements) {
      if (!ts.isIdentifier(el.name) || el.name.text !== name || el.dotDotDotToken) continue;
      if (!isConst) return { kind: 'dynamic', reason: `\`${name}\` is declared with let or var` };
      const member = el.propertyName ? (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined) : name;
      if (member === undefined || !d.initializer) return { kind: 'dynamic', reason: `\`${name}\` is destructured from a computed member` };
      if (required !== undefined) {
        const target = host.modules.resolve(required, file);
        if (target.file === undefined) return { kind: 'dynamic', reason: target.reason };
        return exportedBinding(host, target.file, member, new Set());
      }
      return { kind: 'member-of', object: d.initializer, member, sf, file };
    }
    return undefined;
  }
  if (bindsName(d.name, name)) return { kind: 'dynamic', reason: `\`${name}\` is destructured from an array` };
  return undefined;
}

function importBinding(host: BindingHost, clause: ts.ImportClause, specifier: string, name: string, file: string): Binding | undefined {
  let imported: string | undefined;
  let namespace = false;
  if (clause.name?.text === name) imported = 'default';
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb) && nb.name.text === name) namespace = true;
  if (nb && ts.isNamedImports(nb)) {
    for (const el of nb.elements) {
      if (el.name.text === name) imported = el.propertyName ? moduleExportNameText(el.propertyName) : name;
    }
  }
  if (!namespace && imported === undefined) return undefined;
  if (namespace) return namespaceOf(host, specifier, file, name);
  const target = host.modules.resolve(specifier, file);
  if (target.file === undefined) return { kind: 'dynamic', reason: target.reason };
  return exportedBinding(host, target.file, imported!, new Set());
}

function namespaceOf(host: BindingHost, specifier: string, file: string, name: string): Binding {
  const target = host.modules.resolve(specifier, file);
  if (target.file === undefined) return { kind: 'dynamic', reason: target.reason };
  return { kind: 'namespace', file: target.file, name };
}

/** What module `file` exports as `exportName`, following re-exports (`export { X } from`, `export *`). */
export function exportedBinding(host: BindingHost, file: string, exportName: string, seen: Set<string>): Binding {
  const visitKey = `${file}\0${exportName}`;
  if (seen.has(visitKey)) return { kind: 'dynamic', reason: `re-export cycle for ${exportName}` };
  seen.add(visitKey);
  const sf = host.sourceOf(file);
  if (!sf) return { kind: 'dynamic', reason: `cannot read ${path.basename(file)}` };
  const starExports: string[] = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      if (!st.exportClause) {
        if (from !== undefined) starExports.push(from);
        continue;
      }
      if (ts.isNamespaceExport(st.exportClause)) {
        if (moduleExportNameText(st.exportClause.name) === exportName && from !== undefined) return namespaceOf(host, from, file, exportName);
        continue;
      }
      for (const el of st.exportClause.elements) {
        if (moduleExportNameText(el.name) !== exportName) continue;
        const local = el.propertyName ? moduleExportNameText(el.propertyName) : exportName;
        if (from === undefined) return bindingOf(host, local, sf, sf, file);
        const target = host.modules.resolve(from, file);
        if (target.file === undefined) return { kind: 'dynamic', reason: target.reason };
        return exportedBinding(host, target.file, local, seen);
      }
    } else if (ts.isExportAssignment(st) && exportName === 'default' && !st.isExportEquals) {
      if (ts.isIdentifier(st.expression)) return bindingOf(host, st.expression.text, sf, sf, file);
      return { kind: 'expression', expression: st.expression, sf, file, name: 'default' };
    } else if (hasExportModifier(st)) {
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const b = declarationBinding(host, d, exportName, sf, file);
          if (b) return b;
        }
      } else if (ts.isEnumDeclaration(st) && st.name.text === exportName) {
        return { kind: 'enum', decl: st, sf, file, name: exportName };
      } else if (ts.isClassDeclaration(st) && (st.name?.text === exportName || (exportName === 'default' && hasDefaultModifier(st)))) {
        return { kind: 'class', decl: st, sf, file, name: st.name?.text ?? exportName };
      }
    }
  }
  for (const from of starExports) {
    const target = host.modules.resolve(from, file);
    if (target.file === undefined) continue;
    const b = exportedBinding(host, target.file, exportName, seen);
    if (b.kind !== 'dynamic') return b;
  }
  return { kind: 'dynamic', reason: `${exportName} is not exported by ${path.basename(file)}` };
}

function hasExportModifier(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function hasDefaultModifier(st: ts.Statement): boolean {
  return ts.canHaveModifiers(st) && (ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false);
}

function moduleExportNameText(n: ts.ModuleExportName): string {
  return n.text;
}

function bindsName(name: ts.BindingName, wanted: string): boolean {
  if (ts.isIdentifier(name)) return name.text === wanted;
  return name.elements.some((el) => !ts.isOmittedExpression(el) && bindsName(el.name, wanted));
}

/** `require('x')` → 'x'. */
export function requiredModule(expr: ts.Expression): string | undefined {
  if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'require' && expr.arguments.length === 1) {
    const arg = expr.arguments[0];
    if (ts.isStringLiteral(arg)) return arg.text;
  }
  return undefined;
}
