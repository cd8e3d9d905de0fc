import ts = require('typescript');

/**
 * An expression whose evaluation has no side effect we must keep: literals, identifiers, `this`, functions
 * (creating one runs nothing), JSX, object/array/template literals, member reads (`user.active`: getters with
 * side effects are rare enough that Piranha-style cleanups treat reads as pure), unary and binary operators over
 * those. Calls, `new`, assignments, `await`, `yield`, `delete` and increments are not pure.
 */
export function isPure(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return true;
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.PropertyAccessExpression:
      return isPure((node as ts.ParenthesizedExpression).expression);
    case ts.SyntaxKind.ElementAccessExpression:
      return isPure((node as ts.ElementAccessExpression).expression) && isPure((node as ts.ElementAccessExpression).argumentExpression);
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const u = node as ts.PrefixUnaryExpression;
      return u.operator !== ts.SyntaxKind.PlusPlusToken && u.operator !== ts.SyntaxKind.MinusMinusToken && isPure(u.operand);
    }
    case ts.SyntaxKind.BinaryExpression: {
      const b = node as ts.BinaryExpression;
      return !isAssignmentOperator(b.operatorToken.kind) && isPure(b.left) && isPure(b.right);
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const c = node as ts.ConditionalExpression;
      return isPure(c.condition) && isPure(c.whenTrue) && isPure(c.whenFalse);
    }
    case ts.SyntaxKind.TemplateExpression:
      return (node as ts.TemplateExpression).templateSpans.every((s) => isPure(s.expression));
    case ts.SyntaxKind.ArrayLiteralExpression:
      return (node as ts.ArrayLiteralExpression).elements.every((e) => !ts.isSpreadElement(e) && isPure(e));
    case ts.SyntaxKind.ObjectLiteralExpression:
      return (node as ts.ObjectLiteralExpression).properties.every(
        (p) =>
          ts.isShorthandPropertyAssignment(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isGetAccessorDeclaration(p) ||
          ts.isSetAccessorDeclaration(p) ||
          (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isPure(p.initializer)),
      );
    case ts.SyntaxKind.JsxElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.JsxFragment:
      return jsxIsPure(node);
    default:
      return false;
  }
}

function jsxIsPure(node: ts.Node): boolean {
  let pure = true;
  const visit = (n: ts.Node): void => {
    if (!pure) return;
    if (ts.isJsxExpression(n)) {
      if (n.expression && !isPure(n.expression)) pure = false;
      return;
    }
    if (ts.isJsxSpreadAttribute(n)) {
      if (!isPure(n.expression)) pure = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return pure;
}

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Binary operator precedence (higher binds tighter), as in the ECMAScript grammar. */
export function binaryPrecedence(kind: ts.SyntaxKind): number {
  switch (kind) {
    case ts.SyntaxKind.CommaToken:
      return 0;
    case ts.SyntaxKind.QuestionQuestionToken:
      return 4;
    case ts.SyntaxKind.BarBarToken:
      return 4;
    case ts.SyntaxKind.AmpersandAmpersandToken:
      return 5;
    case ts.SyntaxKind.BarToken:
      return 6;
    case ts.SyntaxKind.CaretToken:
      return 7;
    case ts.SyntaxKind.AmpersandToken:
      return 8;
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return 9;
    case ts.SyntaxKind.LessThanToken:
    case ts.SyntaxKind.GreaterThanToken:
    case ts.SyntaxKind.LessThanEqualsToken:
    case ts.SyntaxKind.GreaterThanEqualsToken:
    case ts.SyntaxKind.InstanceOfKeyword:
    case ts.SyntaxKind.InKeyword:
      return 10;
    case ts.SyntaxKind.LessThanLessThanToken:
    case ts.SyntaxKind.GreaterThanGreaterThanToken:
    case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
      return 11;
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.MinusToken:
      return 12;
    case ts.SyntaxKind.AsteriskToken:
    case ts.SyntaxKind.SlashToken:
    case ts.SyntaxKind.PercentToken:
      return 13;
    case ts.SyntaxKind.AsteriskAsteriskToken:
      return 14;
    default:
      return isAssignmentOperator(kind) ? 2 : 3;
  }
}

/** Precedence of an expression as a whole (20 for anything that never needs parentheses). */
function expressionPrecedence(node: ts.Node): number {
  switch (node.kind) {
    case ts.SyntaxKind.BinaryExpression:
      return binaryPrecedence((node as ts.BinaryExpression).operatorToken.kind);
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.YieldExpression:
      return 2;
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
      return 10;
    case ts.SyntaxKind.PrefixUnaryExpression:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.DeleteExpression:
    case ts.SyntaxKind.AwaitExpression:
      return 15;
    case ts.SyntaxKind.PostfixUnaryExpression:
      return 16;
    default:
      return 20;
  }
}

/**
 * Whether `replacement` (an existing expression node, moved) needs parentheses when it takes the place of `target`.
 */
export function needsParens(replacement: ts.Node, target: ts.Node): boolean {
  const inner = replacement;
  const parent = target.parent;
  if (!parent) return false;
  const prec = expressionPrecedence(inner);
  if (prec === 20) {
    // Object literals and function expressions cannot start a statement or an arrow body.
    if (ts.isObjectLiteralExpression(inner) && (ts.isExpressionStatement(parent) || (ts.isArrowFunction(parent) && parent.body === target))) return true;
    if (ts.isFunctionExpression(inner) && ts.isExpressionStatement(parent)) return true;
    return false;
  }
  if (ts.isBinaryExpression(parent)) {
    const pp = binaryPrecedence(parent.operatorToken.kind);
    if (isAssignmentOperator(parent.operatorToken.kind)) return parent.left === target || prec < 2;
    if (prec < pp) return true;
    if (prec === pp) {
      // Mixing ?? with && / || needs parentheses; equal precedence on the right needs them too (non-associative).
      const mixNullish =
        (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) !==
        (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
      return mixNullish || parent.right === target;
    }
    if (ts.isBinaryExpression(inner)) {
      const ik = inner.operatorToken.kind;
      const pk = parent.operatorToken.kind;
      if ((pk === ts.SyntaxKind.QuestionQuestionToken) !== (ik === ts.SyntaxKind.QuestionQuestionToken) && (binaryPrecedence(ik) <= 5 && binaryPrecedence(pk) <= 5)) return true;
    }
    return false;
  }
  if (ts.isConditionalExpression(parent)) return parent.condition === target ? prec <= 4 : prec < 2;
  if (
    ts.isPrefixUnaryExpression(parent) ||
    ts.isPostfixUnaryExpression(parent) ||
    ts.isTypeOfExpression(parent) ||
    ts.isVoidExpression(parent) ||
    ts.isDeleteExpression(parent) ||
    ts.isAwaitExpression(parent)
  )
    return prec < 15;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent) || ts.isNewExpression(parent) || ts.isTaggedTemplateExpression(parent)) {
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== target) return prec < 2;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === target) return false;
    return prec < 17;
  }
  if (ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent)) return prec < 16;
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) return prec < 2;
  if (ts.isArrayLiteralExpression(parent) || ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent)) return prec < 2;
  if (ts.isTemplateSpan(parent) || ts.isJsxExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isReturnStatement(parent) || ts.isExpressionStatement(parent)) return false;
  if (ts.isArrowFunction(parent)) return false;
  return prec < 3;
}

/**
 * Is the value of `node` only used for its truthiness? (if/while/for conditions, ternary conditions, `!`,
 * and operands of && / || that are themselves in such a position.)
 */
export function inBooleanContext(node: ts.Node): boolean {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (!p) return false;
    if (ts.isParenthesizedExpression(p)) {
      n = p;
      continue;
    }
    if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === n;
    if (ts.isForStatement(p)) return p.condition === n;
    if (ts.isConditionalExpression(p)) return p.condition === n;
    if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
    if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      // The left operand of && / || is always tested for truthiness; the right one is the result.
      if (p.left === n) return true;
      n = p;
      continue;
    }
    return false;
  }
}

/** The statement list a statement sits in (block, source file, case clause, module block), if any. */
export function statementList(stmt: ts.Node): ts.NodeArray<ts.Statement> | undefined {
  const p = stmt.parent;
  if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) return p.statements;
  return undefined;
}

/** Does this statement always end control flow (return, throw, break, continue, or a block ending in one)? */
export function endsAbruptly(stmt: ts.Statement | undefined): boolean {
  if (!stmt) return false;
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt) || ts.isBreakStatement(stmt) || ts.isContinueStatement(stmt)) return true;
  if (ts.isBlock(stmt)) return endsAbruptly(stmt.statements[stmt.statements.length - 1]);
  if (ts.isIfStatement(stmt)) return !!stmt.elseStatement && endsAbruptly(stmt.thenStatement) && endsAbruptly(stmt.elseStatement);
  return false;
}

/** Names a statement declares in its own scope with let/const/class/function (what block unwrapping could clash with). */
export function lexicalNames(stmt: ts.Statement): string[] {
  const names: string[] = [];
  const addBinding = (b: ts.BindingName): void => {
    if (ts.isIdentifier(b)) names.push(b.text);
    else for (const e of b.elements) if (!ts.isOmittedExpression(e)) addBinding(e.name);
  };
  if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) addBinding(d.name);
  else if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt)) && stmt.name) names.push(stmt.name.text);
  return names;
}

/** Every identifier text used in a node (a cheap over-approximation of the names it may refer to). */
export function identifierTexts(node: ts.Node, into = new Set<string>()): Set<string> {
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) into.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return into;
}

/** Does a break/continue inside `node` target the enclosing switch/loop (i.e. is not nested in its own loop/switch)? */
export function hasUnlabeledJumpOut(node: ts.Node, kind: 'break' | 'continue' | 'both'): boolean {
  let found = false;
  const visit = (n: ts.Node, inLoop: boolean, inSwitch: boolean): void => {
    if (found || ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isBreakStatement(n) && !n.label && kind !== 'continue' && !inLoop && !inSwitch) found = true;
    if (ts.isContinueStatement(n) && !n.label && kind !== 'break' && !inLoop) found = true;
    if ((ts.isBreakStatement(n) || ts.isContinueStatement(n)) && n.label) found = true;
    const loop = ts.isIterationStatement(n, false);
    ts.forEachChild(n, (c) => visit(c, inLoop || loop, inSwitch || ts.isSwitchStatement(n)));
  };
  ts.forEachChild(node, (c) => visit(c, false, false));
  return found;
}

/**
 * Would a statement written without its `;` (no-semicolon style) be continued by a next line starting with
 * ( [ ` + - / ? ASI does not end it there: `const a = b` + `(f)()` is `const a = b(f)()`.
 */
export function continuesOnto(sf: ts.SourceFile, stmt: ts.Statement | undefined): boolean {
  if (!stmt) return false;
  if (ts.isBlock(stmt)) return continuesOnto(sf, stmt.statements[stmt.statements.length - 1]);
  const open = ts.isExpressionStatement(stmt) || ts.isVariableStatement(stmt) || ts.isThrowStatement(stmt) || ts.isExportAssignment(stmt) || (ts.isReturnStatement(stmt) && !!stmt.expression);
  return open && !stmt.getText(sf).endsWith(';');
}

export function startsHazardously(text: string): boolean {
  return /^[([`+\-/]/.test(text);
}

const BOOLEAN_NAME = /^(?:is|has|can|should|show|hide|enable|disable|allow|needs|did|was|will)[A-Z0-9_]|^(?:enabled|disabled|visible|hidden|open|loading|active|checked|selected|ready|valid)$/;

/**
 * Does this expression always yield a boolean (so `x && true` is `x`)? Negations, comparisons, `Boolean(x)`, and
 * names that by convention hold one (`isOpen`, `props.hasAccess`).
 */
export function isBooleanValued(node: ts.Node): boolean {
  const n = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isPrefixUnaryExpression(n)) return n.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(n)) {
    const k = n.operatorToken.kind;
    if (binaryPrecedence(k) === 9 || binaryPrecedence(k) === 10) return k !== ts.SyntaxKind.LessThanLessThanToken;
    if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken) return isBooleanValued(n.left) && isBooleanValued(n.right);
    return false;
  }
  if (ts.isCallExpression(n)) return ts.isIdentifier(n.expression) && n.expression.text === 'Boolean';
  if (ts.isIdentifier(n)) return BOOLEAN_NAME.test(n.text);
  if (ts.isPropertyAccessExpression(n)) return BOOLEAN_NAME.test(n.name.text);
  return false;
}

/** An expression that may well be a number (`items.length`, `count`, `a - b`): in JSX a falsy number renders. */
export function looksNumeric(node: ts.Node): boolean {
  const n = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (ts.isNumericLiteral(n) || ts.isBinaryExpression(n) && binaryPrecedence(n.operatorToken.kind) >= 11) return true;
  const name = ts.isIdentifier(n) ? n.text : ts.isPropertyAccessExpression(n) ? n.name.text : ts.isElementAccessExpression(n) ? '' : undefined;
  if (name === undefined) return !isBooleanValued(n) && !ts.isBinaryExpression(n);
  return name === '' || /count|length|size|total|num|amount|index|width|height/i.test(name);
}
