import ts = require('typescript');

/**
 * Name resolution over one bound file: which identifiers refer to the same declaration. Resolution is by the
 * binder's symbols, so shadowing, parameters, imports and hoisting are handled as the compiler does.
 */
export class References {
  private byName?: Map<string, ts.Identifier[]>;

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly checker: ts.TypeChecker,
  ) {}

  private identifiers(name: string): ts.Identifier[] {
    if (!this.byName) {
      const map = new Map<string, ts.Identifier[]>();
      const visit = (n: ts.Node): void => {
        if (ts.isIdentifier(n)) {
          const list = map.get(n.text);
          if (list) list.push(n);
          else map.set(n.text, [n]);
        }
        ts.forEachChild(n, visit);
      };
      visit(this.sf);
      this.byName = map;
    }
    return this.byName.get(name) ?? [];
  }

  symbolOf(id: ts.Identifier): ts.Symbol | undefined {
    const parent = id.parent;
    if (parent && ts.isShorthandPropertyAssignment(parent) && parent.name === id) return this.checker.getShorthandAssignmentValueSymbol(parent);
    if (parent && ts.isExportSpecifier(parent)) return this.checker.getExportSpecifierLocalTargetSymbol(parent);
    return this.checker.getSymbolAtLocation(id);
  }

  /** Identifiers other than the declaration's own name that refer to the declaration named `name`. */
  referencesTo(name: ts.Identifier): ts.Identifier[] {
    const symbol = this.symbolOf(name);
    if (!symbol) return [];
    const out: ts.Identifier[] = [];
    for (const id of this.identifiers(name.text)) {
      if (id === name || isDeclarationName(id)) continue;
      if (isPropertyName(id)) continue;
      if (this.symbolOf(id) === symbol) out.push(id);
    }
    return out;
  }

  /** `this.name` / `this.name()` inside `cls` for a member called `name`. */
  thisMemberReferences(cls: ts.ClassLikeDeclaration, name: string): ts.PropertyAccessExpression[] {
    const out: ts.PropertyAccessExpression[] = [];
    for (const id of this.identifiers(name)) {
      const p = id.parent;
      if (ts.isPropertyAccessExpression(p) && p.name === id && p.expression.kind === ts.SyntaxKind.ThisKeyword && enclosingClass(p) === cls) out.push(p);
    }
    return out;
  }

  /** Every use of `name` as a member name anywhere in the file (`x.name`, `{ name }` patterns), other than `this.name` in `cls`. */
  otherMemberUses(cls: ts.ClassLikeDeclaration, name: string): number {
    let n = 0;
    for (const id of this.identifiers(name)) {
      const p = id.parent;
      if (ts.isPropertyAccessExpression(p) && p.name === id && !(p.expression.kind === ts.SyntaxKind.ThisKeyword && enclosingClass(p) === cls)) n++;
      else if (ts.isBindingElement(p) || ts.isElementAccessExpression(p)) n++;
    }
    return n;
  }

  /** Is any reference (a name, or a `this.name` access) a write (assignment target, ++/--, for-in/of target)? */
  static isWrite(id: ts.Identifier | ts.PropertyAccessExpression): boolean {
    let n: ts.Node = id;
    while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
    const p = n.parent;
    if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
    if ((ts.isForInStatement(p) || ts.isForOfStatement(p)) && p.initializer === n) return true;
    if (ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p)) {
      // Destructuring assignment targets: `[a] = x`, `({ a } = x)`.
      let q: ts.Node = p;
      while (ts.isArrayLiteralExpression(q) || ts.isObjectLiteralExpression(q) || ts.isPropertyAssignment(q) || ts.isShorthandPropertyAssignment(q)) q = q.parent;
      if (ts.isBinaryExpression(q) && q.operatorToken.kind === ts.SyntaxKind.EqualsToken && q.left.pos <= id.pos && id.end <= q.left.end) return true;
    }
    return false;
  }
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  let n: ts.Node | undefined = node.parent;
  while (n) {
    if (ts.isClassLike(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
    n = n.parent;
  }
  return undefined;
}

function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === id) ||
    ((ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) && p.name === id)
  );
}

/** A name that is a member name, not a reference (`x.name`, `{ name: v }`, `name() {}` in a class). */
function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if (ts.isPropertyAssignment(p) && p.name === id) return true;
  if ((ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p)) && p.name === id) return true;
  if (ts.isBindingElement(p) && p.propertyName === id) return true;
  if (ts.isImportSpecifier(p) && p.propertyName === id) return true;
  if (ts.isExportSpecifier(p) && p.propertyName === id) return false;
  if (ts.isJsxAttribute(p) && p.name === id) return true;
  if (ts.isQualifiedName(p) && p.right === id) return true;
  if (ts.isEnumMember(p) && p.name === id) return true;
  return false;
}
