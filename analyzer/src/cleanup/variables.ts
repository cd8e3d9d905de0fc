import ts = require('typescript');
import type { RoundContext } from './context';
import { knownValue, skipTransparent } from './markers';
import { References } from './scope';
import { isPure } from './syntax';
import { removeListElement } from './text';

/**
 * Values that travel through names: `const on = <check>` is inlined into its uses and the declaration goes
 * (so is a `let` that is never reassigned); a function or class member whose body only returns the check is
 * inlined at its call sites and deleted once nothing refers to it.
 */
export function inlineValues(ctx: RoundContext, node: ts.Node): boolean {
  if (ts.isVariableDeclaration(node)) return inlineVariable(ctx, node);
  if (ts.isFunctionDeclaration(node) && node.name) return inlineFunction(ctx, node, node.name, node);
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isPropertyDeclaration(node)) return inlineMember(ctx, node);
  return false;
}

function isExported(node: ts.Node): boolean {
  let n: ts.Node = node;
  if (ts.isVariableDeclaration(n)) n = n.parent.parent;
  return ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function inlineVariable(ctx: RoundContext, decl: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(decl.name) || !decl.initializer) return false;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return false;
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  const isLet = (list.flags & ts.NodeFlags.Let) !== 0;
  const init = skipTransparent(decl.initializer);
  if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return inlineFunction(ctx, init, decl.name, decl);
  const known = knownValue(decl.initializer, ctx.markers);
  if (!known) return false;
  if (!isConst && !isLet) {
    const unsafe = varInliningRisk(ctx, decl, decl.name);
    if (unsafe) {
      ctx.leave(decl, `var ${decl.name.text} holds the flag value: ${unsafe}, inline it by hand`);
      return false;
    }
  }
  if (isExported(decl)) {
    ctx.leave(decl, `exported ${decl.name.text} holds the flag value: other modules may import it`);
    return false;
  }
  const refs = ctx.references.referencesTo(decl.name);
  if (refs.some(References.isWrite)) {
    ctx.leave(decl, `${decl.name.text} is reassigned: the flag value cannot be inlined`);
    return false;
  }
  if (refs.some((r) => ts.isExportSpecifier(r.parent))) return false;
  // `typeof on` in a type would become `typeof true`, and the declared type would narrow to the literal.
  if (refs.some((r) => ts.isTypeQueryNode(r.parent))) {
    ctx.leave(decl, `${decl.name.text} is used in a type (typeof ${decl.name.text}): inline it by hand`);
    return false;
  }
  const marker = ctx.marker(known.value);
  for (const r of refs) {
    if (ts.isShorthandPropertyAssignment(r.parent)) ctx.replace(r.parent, `${r.text}: ${marker}`);
    else ctx.replace(r, marker);
  }
  removeDeclarator(ctx, decl);
  return true;
}

/**
 * Why a `var` holding the flag cannot be inlined like a `const`, or undefined when it can: it must be declared
 * once, directly in its function's body (or at the top of a module), and every read must come after it in that
 * same function (a read before it, or from a nested function that may run earlier, sees `undefined`). A
 * top-level `var` of a script (no import/export) is a global other scripts may read.
 */
function varInliningRisk(ctx: RoundContext, decl: ts.VariableDeclaration, name: ts.Identifier): string | undefined {
  const stmt = decl.parent.parent;
  const owner = stmt.parent;
  const atTop = ts.isSourceFile(owner);
  if (!atTop && !(ts.isBlock(owner) && ts.isFunctionLike(owner.parent))) return 'it is declared inside a block, so a read may run without it';
  if (atTop && !ts.isExternalModule(ctx.sf) && (!ctx.namedElsewhere || ctx.namedElsewhere(name.text))) {
    return ctx.namedElsewhere ? 'it is a global that another file names' : 'it is a global of this script that other scripts may read';
  }
  const symbol = ctx.references.symbolOf(name);
  if ((symbol?.declarations?.length ?? 1) > 1) return 'it is declared more than once';
  const fn = enclosingFunction(decl);
  for (const r of ctx.references.referencesTo(name)) {
    if (r.getStart(ctx.sf) < decl.getEnd()) return 'it is read before its declaration (hoisting)';
    // A function expression or arrow written after the declaration is created, and so runs, after it; a
    // function declaration is hoisted and may run before it.
    for (let f = enclosingFunction(r); f !== fn; f = enclosingFunction(f)) {
      if (!ts.isArrowFunction(f) && !ts.isFunctionExpression(f)) return 'a function declared after it reads it and may be called before the declaration runs (hoisting)';
    }
  }
  return undefined;
}

function enclosingFunction(node: ts.Node): ts.Node {
  let n = node.parent;
  while (!ts.isSourceFile(n) && !ts.isFunctionLike(n)) n = n.parent;
  return n;
}

export function removeDeclarator(ctx: RoundContext, decl: ts.VariableDeclaration): void {
  const list = decl.parent as ts.VariableDeclarationList;
  if (list.declarations.length === 1) ctx.remove(list.parent);
  else ctx.edits.push(removeListElement(ctx.sf, list.declarations, list.declarations.indexOf(decl)));
}

/** The single value a function returns, when its body is only `return <value>` (or an arrow's expression). */
function returnedValue(ctx: RoundContext, fn: ts.FunctionLikeDeclaration): { value: unknown } | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return knownValue(body, ctx.markers);
  if (body.statements.length !== 1) return undefined;
  const only = body.statements[0];
  return ts.isReturnStatement(only) && only.expression ? knownValue(only.expression, ctx.markers) : undefined;
}

function inlineFunction(ctx: RoundContext, fn: ts.FunctionLikeDeclaration, name: ts.Identifier, declaration: ts.Node): boolean {
  const known = returnedValue(ctx, fn);
  if (!known) return false;
  if (fn.asteriskToken) return false;
  const isAsync = !!ts.getModifiers(fn as ts.FunctionDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const refs = ctx.references.referencesTo(name);
  // A function nothing calls (an entry point, or already unused) is not ours to delete.
  if (refs.length === 0) return false;
  const marker = ctx.marker(known.value);
  let remaining = 0;
  let replaced = 0;
  for (const r of refs) {
    const call = r.parent;
    if (ts.isCallExpression(call) && call.expression === r && call.arguments.every(isPure) && (!isAsync || ts.isAwaitExpression(call.parent))) {
      ctx.replace(isAsync ? call.parent : call, marker);
      replaced++;
    } else remaining++;
  }
  if (remaining === 0 && !isExported(declaration)) {
    if (ts.isVariableDeclaration(declaration)) removeDeclarator(ctx, declaration);
    else ctx.remove(declaration);
    return true;
  }
  return replaced > 0;
}

function inlineMember(ctx: RoundContext, member: ts.MethodDeclaration | ts.GetAccessorDeclaration | ts.PropertyDeclaration): boolean {
  if (!ts.isIdentifier(member.name) && !ts.isPrivateIdentifier(member.name)) return false;
  const cls = member.parent;
  if (!ts.isClassLike(cls)) return false;
  const isStatic = !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
  if (isStatic) return false;
  let known: { value: unknown } | undefined;
  if (ts.isPropertyDeclaration(member)) {
    const readonly = ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
    if (!member.initializer || !readonly) return false;
    known = knownValue(member.initializer, ctx.markers);
  } else known = returnedValue(ctx, member);
  if (!known) return false;
  const name = member.name.text;
  const marker = ctx.marker(known.value);
  const uses = ctx.references.thisMemberReferences(cls, name);
  // `this.x = ...` (a readonly property set in the constructor) changes the value every read sees.
  if (uses.some((access) => References.isWrite(access))) {
    ctx.leave(member, `${name} is assigned: the flag value cannot be inlined`);
    return false;
  }
  const isPrivate = ts.isPrivateIdentifier(member.name) || !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
  // `this.x` in the base class runs a subclass's override: inlining the base's value would skip it.
  if (!isPrivate && overriddenInFile(ctx.sf, cls, name)) {
    ctx.leave(member, `${name} is overridden by a subclass: inline it by hand`);
    return false;
  }
  let replaced = 0;
  let remaining = ctx.references.otherMemberUses(cls, name);
  for (const access of uses) {
    const call = access.parent;
    if (ts.isMethodDeclaration(member)) {
      if (ts.isCallExpression(call) && call.expression === access && call.arguments.every(isPure)) {
        ctx.replace(call, marker);
        replaced++;
      } else remaining++;
    } else {
      ctx.replace(access, marker);
      replaced++;
    }
  }
  const classIsLocal = !isExported(cls) && !(ts.isClassDeclaration(cls) && ts.getModifiers(cls)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword));
  if (remaining === 0 && (isPrivate || classIsLocal)) {
    ctx.remove(member);
    return true;
  }
  if (remaining === 0 && !isPrivate && !classIsLocal && replaced === 0) {
    ctx.leave(member, `public member ${name} returns the flag value; code outside this file may call it`);
  }
  return replaced > 0;
}

/** Does another class of the file that extends something declare a member called `name`? */
function overriddenInFile(sf: ts.SourceFile, cls: ts.ClassLikeDeclaration, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isClassLike(n) && n !== cls && n.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) {
      if (n.members.some((m) => m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
