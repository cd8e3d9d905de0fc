import ts = require('typescript');
import type { RoundContext } from '../context';
import type { TextEdit } from '../edits';
import { removeListElement } from '../text';

/**
 * Removing `P` from an object literal typed by an interface that requires `P` breaks the build (TS2741). For
 * an entry about to go, this finds the object's declared type syntactically and says what else must change:
 * nothing (untyped, `Partial<…>`, `Record<…>`, an optional member, an index signature), the member's removal
 * from an interface or type literal of this file, or, when the type cannot be found here, keep the entry.
 */
export type EntryPlan = { kind: 'remove' } | { kind: 'remove-with-member'; member: ts.TypeElement } | { kind: 'keep'; reason: string };

type Members = ts.NodeArray<ts.TypeElement>;

export function planEntryRemoval(ctx: RoundContext, obj: ts.ObjectLiteralExpression, name: string, going: ReadonlySet<ts.Node>): EntryPlan {
  const members = declaredMembers(ctx.sf, obj, 0);
  if (members === 'loose') return { kind: 'remove' };
  if (members === 'unknown') return { kind: 'keep', reason: `its object's declared type is not in this file: remove \`${name}\` from that type and this entry by hand` };
  const member = members.find((m) => memberName(m) === name);
  if (!member) return { kind: 'remove' };
  if ((member as ts.PropertySignature).questionToken) return { kind: 'remove' };
  if (namedElsewhere(ctx.sf, name, going, member)) return { kind: 'keep', reason: `\`${name}\` is required by its type and still used elsewhere: remove it from the type and this entry by hand` };
  return { kind: 'remove-with-member', member };
}

/** The edit removing a member from its interface / type literal. */
export function removeMember(ctx: RoundContext, member: ts.TypeElement): TextEdit {
  const owner = member.parent as ts.InterfaceDeclaration | ts.TypeLiteralNode;
  return removeListElement(ctx.sf, owner.members, owner.members.indexOf(member));
}

function memberName(m: ts.TypeElement): string | undefined {
  const n = m.name;
  return n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) ? n.text : undefined;
}

/**
 * The members the object must have: from `const x: T = {…}`, `{…} satisfies T`, `{…} as T`, a class property's
 * type, or the member type of an enclosing typed object. 'loose' when any member may be left out (no type,
 * Partial, Record, an index signature); 'unknown' when the type is declared outside this file.
 */
function declaredMembers(sf: ts.SourceFile, obj: ts.Expression, depth: number): Members | 'loose' | 'unknown' {
  if (depth > 8) return 'unknown';
  let host: ts.Node = obj;
  let p = obj.parent;
  while (ts.isParenthesizedExpression(p) || ts.isSatisfiesExpression(p) || ts.isAsExpression(p)) {
    if (ts.isSatisfiesExpression(p) || (ts.isAsExpression(p) && !isConstType(p.type))) return membersOfType(sf, p.type, depth);
    host = p;
    p = p.parent;
  }
  if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p)) && p.initializer === host) return p.type ? membersOfType(sf, p.type, depth) : 'loose';
  if (ts.isPropertyAssignment(p) && p.initializer === host && ts.isObjectLiteralExpression(p.parent)) {
    const outer = declaredMembers(sf, p.parent, depth + 1);
    if (outer === 'loose' || outer === 'unknown') return outer;
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    const member = outer.find((m) => memberName(m) === name);
    if (!member) return 'loose';
    const type = ts.isPropertySignature(member) ? member.type : undefined;
    return type ? membersOfType(sf, type, depth + 1) : 'loose';
  }
  // A call argument, a return value, a JSX prop: the type comes from elsewhere; the compiler check (verification) covers it.
  return 'loose';
}

function isConstType(t: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'const';
}

function membersOfType(sf: ts.SourceFile, type: ts.TypeNode, depth: number): Members | 'loose' | 'unknown' {
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (ts.isParenthesizedTypeNode(type)) return membersOfType(sf, type.type, depth + 1);
  if (!ts.isTypeReferenceNode(type)) return type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword ? 'loose' : 'unknown';
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
  if (!name) return 'unknown';
  if (['Partial', 'Record', 'Map', 'Object'].includes(name)) return 'loose';
  const decl = findTypeDeclaration(sf, name);
  if (!decl) return 'unknown';
  if (ts.isInterfaceDeclaration(decl)) return decl.heritageClauses || decl.typeParameters ? 'unknown' : decl.members;
  return decl.typeParameters ? 'unknown' : membersOfType(sf, decl.type, depth + 1);
}

function findTypeDeclaration(sf: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined {
  const found: (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && n.name.text === name) found.push(n);
    if (ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isModuleDeclaration(n)) ts.forEachChild(n, visit);
  };
  visit(sf);
  // Declaration merging (two `interface X` blocks) or a module-local shadow: too unsure to edit.
  return found.length === 1 ? found[0] : undefined;
}

/** Is `name` used in the file other than by the entries going and the member declaration? */
function namedElsewhere(sf: ts.SourceFile, name: string, going: ReadonlySet<ts.Node>, member: ts.TypeElement): boolean {
  let used = false;
  const visit = (n: ts.Node): void => {
    if (used || n === member || going.has(n)) return;
    // Another type declaring the name is not a use (a second interface of flags may declare it too).
    if (ts.isPropertySignature(n) && !n.questionToken) return;
    if ((ts.isIdentifier(n) || ts.isStringLiteral(n)) && n.text === name) used = true;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return used;
}
