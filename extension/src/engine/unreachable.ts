import * as ts from 'typescript';

/** A check and the boolean it evaluates to for everyone (polarity already applied). */
export interface DecidedCheck {
  key: string;
  start: number;
  end: number;
  value: boolean;
}

export interface DeadRange {
  key: string;
  value: boolean;
  start: number;
  end: number;
}

function scriptKind(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.(jsx|js|mjs|cjs)$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TS;
}

/** The node spanning exactly [start, end), or the innermost one containing it. */
function nodeAt(sf: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sf) <= start && node.getEnd() >= end) {
      found = node;
      if (node.getStart(sf) === start && node.getEnd() === end && !ts.isParenthesizedExpression(node)) return;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return found;
}

/** Climbs parentheses and `!`, flipping the value for each negation. */
function climb(node: ts.Node, value: boolean): { node: ts.Node; value: boolean } {
  let n = node;
  let v = value;
  for (;;) {
    const p = n.parent;
    if (p && ts.isParenthesizedExpression(p)) n = p;
    else if (p && ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) {
      n = p;
      v = !v;
    } else return { node: n, value: v };
  }
}

/** Code made unreachable by a condition whose value is known. */
function deadBranches(node: ts.Node, value: boolean): ts.Node[] {
  const p = node.parent;
  if (!p) return [];
  if (ts.isIfStatement(p) && p.expression === node) {
    if (!value) return [p.thenStatement];
    if (p.elseStatement) return [p.elseStatement];
    // `if (on) { return a; } return b;`: an always-taken branch that returns makes the rest of the block dead.
    return endsAbruptly(p.thenStatement) ? followingStatements(p) : [];
  }
  if (ts.isConditionalExpression(p) && p.condition === node) return [value ? p.whenFalse : p.whenTrue];
  if (ts.isBinaryExpression(p) && p.left === node) {
    if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && !value) return [p.right];
    if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken && value) return [p.right];
  }
  return [];
}

function endsAbruptly(stmt: ts.Statement): boolean {
  const last = ts.isBlock(stmt) ? stmt.statements[stmt.statements.length - 1] : stmt;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

function followingStatements(stmt: ts.Statement): ts.Node[] {
  const parent = stmt.parent;
  if (!parent || !ts.isBlock(parent)) return [];
  const list = parent.statements;
  // Function declarations are hoisted: still reachable.
  return list.slice(list.indexOf(stmt) + 1).filter((s) => !ts.isFunctionDeclaration(s));
}

/** `const on = useFlag('x')`: the references to `on` in its scope carry the same value. */
function constReferences(node: ts.Node, sf: ts.SourceFile): ts.Identifier[] {
  const decl = node.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== node || !ts.isIdentifier(decl.name)) return [];
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return [];
  const name = decl.name.text;
  const scope = list.parent?.parent ?? sf;
  const refs: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name && !ts.isPropertyAccessExpression(n.parent) && !ts.isPropertyAssignment(n.parent)) refs.push(n);
    else if (ts.isPropertyAccessExpression(n) && n.name.text === name) visit(n.expression);
    else ts.forEachChild(n, visit);
  };
  visit(scope);
  return refs;
}

/** Offset ranges of code that can't run because each check's flag serves one boolean to everyone. */
export function unreachableRanges(file: string, text: string, checks: readonly DecidedCheck[]): DeadRange[] {
  if (checks.length === 0) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const out: DeadRange[] = [];
  for (const check of checks) {
    const node = nodeAt(sf, check.start, check.end);
    if (!node) continue;
    const direct = climb(node, check.value);
    const conditions = [direct, ...constReferences(direct.node, sf).map((ref) => climb(ref, check.value))];
    for (const c of conditions) {
      for (const dead of deadBranches(c.node, c.value)) out.push({ key: check.key, value: check.value, start: dead.getStart(sf), end: dead.getEnd() });
    }
  }
  return out;
}
