import ts = require('typescript');
import type { KeyDeclaration } from '../model';
import { RewriteError } from './engine';
import { applyEdits, type TextEdit } from './edits';
import { describeSyntaxError, parseSource, syntaxErrors } from './parse';
import { removeListElement, removeNode } from './text';
import { nodeAt } from './substitute';

/**
 * The flag's key constants (`export const NEW_CHECKOUT = 'new-checkout'`, an enum member, an `as const`
 * member) go once no loaded file refers to them any more. Files that mention the name were all loaded, so a
 * name that appears nowhere else is unused project-wide. `after` is updated in place.
 */
export function removeUnusedKeyDeclarations(
  declarations: KeyDeclaration[],
  after: Map<string, string>,
  textOf: (file: string) => string | undefined,
  /** Every file that could refer to the declarations (the whole project, not just the cleaned paths). */
  universe: readonly string[],
): void {
  const byFile = new Map<string, KeyDeclaration[]>();
  for (const d of declarations) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, decls] of byFile) {
    const text = after.get(file) ?? textOf(file);
    if (text === undefined) continue;
    const sf = parseSource(file, text);
    const edits: TextEdit[] = [];
    for (const d of decls) {
      const node = locate(sf, d);
      if (!node) continue;
      const current = (f: string): string | undefined => after.get(f) ?? textOf(f);
      if (usedAnywhere(declaredName(d), node, file, universe, current)) continue;
      // The last member of an enum / constants object: the container goes too when nothing names it.
      const container = emptiedContainer(node, decls.map((x) => locate(sf, x)));
      const edit = container && !usedAnywhere(container.name.text, container.decl, file, universe, current) ? removeNode(sf, container.statement) : removal(sf, node);
      if (edit) edits.push(edit);
    }
    if (edits.length === 0) continue;
    const next = applyEdits(text, edits.filter((e, i) => edits.findIndex((o) => o.start === e.start && o.end === e.end) === i));
    const errors = syntaxErrors(parseSource(file, next));
    if (errors.length > 0) {
      const pos = sf.getLineAndCharacterOfPosition(edits[0].start);
      throw new RewriteError(`${file}:${pos.line + 1}:${pos.character + 1}: removing the key declaration would not re-parse (${describeSyntaxError(parseSource(file, next), errors[0])}); nothing was written`, file, pos.line + 1, pos.character + 1);
    }
    after.set(file, next);
  }
}

/** The declaration node: the declarations' ranges point at the name or the whole declaration; the text may have moved. */
/** `Flags.NewCheckout` (enum member, object member) is declared as `NewCheckout`. */
export function declaredName(d: KeyDeclaration): string {
  return d.name.split('.').pop() ?? d.name;
}

function locate(sf: ts.SourceFile, d: KeyDeclaration): ts.Node | undefined {
  const name = declaredName(d);
  const wanted = (n: ts.Node) =>
    (ts.isVariableDeclaration(n) || ts.isEnumMember(n) || ts.isPropertyAssignment(n)) && !!n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && n.name.text === name;
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (wanted(n) && declaresKey(n)) found = n;
    else ts.forEachChild(n, visit);
  };
  // Offsets from the scan are for the original text; search by name so a file already rewritten still works.
  const direct = nodeAt(sf, d.range.start, d.range.end);
  for (let n = direct; n; n = n.parent) if (wanted(n) && declaresKey(n)) return n;
  visit(sf);
  return found;
}

function declaresKey(n: ts.Node): boolean {
  const init = (n as ts.VariableDeclaration | ts.EnumMember | ts.PropertyAssignment).initializer;
  return !!init && keyExpression(init);
}

/**
 * What a key constant may be initialised with: a string, or one joined from strings and other constants
 * (`'new-' + 'checkout'`, `` `${PREFIX}-checkout` ``), as the scan resolves them. Nothing in it runs code, so the
 * declaration can go once nothing reads it.
 */
function keyExpression(e: ts.Expression): boolean {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isAsExpression(e)) return true;
  if (ts.isParenthesizedExpression(e)) return keyExpression(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return keyPart(e.left) && keyPart(e.right);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((span) => keyPart(span.expression));
  return false;
}

function keyPart(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return true;
  if (ts.isPropertyAccessExpression(e)) return keyPart(e.expression);
  return keyExpression(e);
}

function usedAnywhere(name: string, decl: ts.Node, declFile: string, universe: readonly string[], current: (file: string) => string | undefined): boolean {
  const files = new Set([...universe, declFile]);
  for (const f of files) {
    const text = current(f);
    if (!text || !text.includes(name)) continue;
    const sf = f === declFile ? decl.getSourceFile() : parseSource(f, text);
    let used = false;
    const visit = (n: ts.Node): void => {
      if (used) return;
      if (ts.isIdentifier(n) && n.text === name && !(f === declFile && (n.parent === decl || isExportOf(n, name)))) used = true;
      else ts.forEachChild(n, visit);
    };
    visit(sf);
    if (used) return true;
  }
  return false;
}

function isExportOf(n: ts.Identifier, name: string): boolean {
  return ts.isExportSpecifier(n.parent) && n.text === name;
}

/** The enum or `const X = {…} as const` whose members would all be removed, with its statement. */
function emptiedContainer(node: ts.Node, going: (ts.Node | undefined)[]): { name: ts.Identifier; decl: ts.Node; statement: ts.Statement } | undefined {
  const allGoing = (members: readonly ts.Node[]): boolean => members.every((m) => going.includes(m));
  if (ts.isEnumMember(node) && allGoing(node.parent.members) && ts.isSourceFile(node.parent.parent)) return { name: node.parent.name, decl: node.parent, statement: node.parent };
  if (!ts.isPropertyAssignment(node) || !ts.isObjectLiteralExpression(node.parent) || !allGoing(node.parent.properties)) return undefined;
  let holder: ts.Node = node.parent.parent;
  while (ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder) || ts.isParenthesizedExpression(holder)) holder = holder.parent;
  if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name) || (holder.parent as ts.VariableDeclarationList).declarations.length !== 1) return undefined;
  const statement = holder.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) ? { name: holder.name, decl: holder, statement } : undefined;
}

function removal(sf: ts.SourceFile, node: ts.Node): TextEdit | undefined {
  if (ts.isVariableDeclaration(node)) {
    const list = node.parent as ts.VariableDeclarationList;
    if (list.declarations.length > 1) return removeListElement(sf, list.declarations, list.declarations.indexOf(node));
    return removeNode(sf, list.parent);
  }
  if (ts.isEnumMember(node)) return removeListElement(sf, node.parent.members, node.parent.members.indexOf(node));
  if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) return removeListElement(sf, node.parent.properties, node.parent.properties.indexOf(node));
  return undefined;
}

/**
 * Constants in a file that hold the key as a literal (`const X = 'key'`, `enum E { X = 'key' }`, `{ X: 'key' } as
 * const`). The scanner reports only declarations a check resolved through; a constants module with no check of
 * its own must still be found, so that the files using its names are loaded too.
 */
export function findKeyConstants(file: string, text: string, key: string): KeyDeclaration[] {
  const sf = parseSource(file, text);
  const out: KeyDeclaration[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isVariableDeclaration(n) || ts.isEnumMember(n) || ts.isPropertyAssignment(n)) && n.initializer) {
      let init: ts.Node = n.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      const isKey = (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && init.text === key;
      const name = ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) ? n.name.text : undefined;
      const constant = ts.isVariableDeclaration(n) ? (n.parent.flags & ts.NodeFlags.Const) !== 0 : ts.isEnumMember(n) || inConstObject(n);
      if (isKey && name && constant) {
        const start = n.getStart(sf);
        const a = sf.getLineAndCharacterOfPosition(start);
        const b = sf.getLineAndCharacterOfPosition(n.getEnd());
        out.push({ key, name, file, range: { start, end: n.getEnd(), line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 } });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** A member of an object literal (possibly nested, never inside an array) that initializes a `const`: a constants map. */
function inConstObject(prop: ts.PropertyAssignment): boolean {
  let n: ts.Node = prop.parent;
  for (;;) {
    const p = n.parent;
    if (ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isParenthesizedExpression(p) || (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent))) {
      n = ts.isPropertyAssignment(p) ? p.parent : p;
      continue;
    }
    if (ts.isCallExpression(p) && p.expression.getText() === 'Object.freeze') {
      n = p;
      continue;
    }
    return ts.isVariableDeclaration(p) && (p.parent.flags & ts.NodeFlags.Const) !== 0;
  }
}

/** Is the key declaration (or, for a member, its enum/object) exported from its module? */
export function isExportedDeclaration(text: string | undefined, d: KeyDeclaration): boolean {
  if (text === undefined) return true;
  const sf = parseSource(d.file, text);
  const node = locate(sf, d);
  if (!node) return true;
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  }
  // `export { NAME }` / `export default` elsewhere in the file.
  let exported = false;
  let root = declaredName(d);
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if ((ts.isVariableDeclaration(n) || ts.isEnumDeclaration(n)) && ts.isIdentifier(n.name)) root = n.name.text;
  }
  sf.forEachChild((s) => {
    if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
      if (s.exportClause.elements.some((e) => (e.propertyName ?? e.name).getText(sf) === root)) exported = true;
    }
    if (ts.isExportAssignment(s)) exported = true;
  });
  return exported;
}
