import ts = require('typescript');
import type { RoundContext } from './context';
import { decideCondition, evalKnown } from './fold';
import { knownValue, literalValue, skipTransparent } from './markers';
import { continuesOnto, endsAbruptly, hasUnlabeledJumpOut, isPure, identifierTexts, lexicalNames, startsHazardously, statementList } from './syntax';
import { blockBodyText, indentOfLine, movedText, removalRange } from './text';
import { isPredicateCall } from './pure-calls';

/**
 * Statement-level collapse once a condition is known: if/else chains, switch on a variant, loops whose
 * condition is now false, and expression statements that are only a value.
 */
export function collapseStatement(ctx: RoundContext, node: ts.Node): boolean {
  if (ts.isIfStatement(node)) return collapseIf(ctx, node);
  if (ts.isSwitchStatement(node)) return collapseSwitch(ctx, node);
  if (ts.isWhileStatement(node) || (ts.isForStatement(node) && !node.initializer)) {
    const cond = ts.isWhileStatement(node) ? node.expression : node.condition;
    const known = cond && evalKnown(cond, ctx.markers);
    if (known && !known.value) {
      removeStatement(ctx, node);
      return true;
    }
    return false;
  }
  if (ts.isDoStatement(node)) {
    const known = evalKnown(node.expression, ctx.markers);
    if (known && !known.value && !hasUnlabeledJumpOut(node.statement, 'both')) {
      replaceStatementWith(ctx, node, [node.statement]);
      return true;
    }
    return false;
  }
  if (ts.isExpressionStatement(node) && evalKnown(node.expression, ctx.markers)) {
    removeStatement(ctx, node);
    return true;
  }
  if (ts.isExpressionStatement(node)) return collapseExpressionStatement(ctx, node);
  return false;
}

function collapseIf(ctx: RoundContext, node: ts.IfStatement): boolean {
  const known = evalKnown(node.expression, ctx.markers);
  if (!known) return collapseIfKeepingEffects(ctx, node);
  const chosen = known.value ? node.thenStatement : node.elseStatement;
  const parent = node.parent;
  if (ts.isIfStatement(parent) && parent.elseStatement === node) {
    // `else if (flag) A else B` → `else A` / `else B`; with nothing chosen, the `else` goes too.
    if (chosen) ctx.replace(node, movedText(ctx.sf, chosen, node));
    else ctx.edit(parent.thenStatement.getEnd(), node.getEnd(), '');
    return true;
  }
  if (chosen) replaceStatementWith(ctx, node, [chosen]);
  else removeStatement(ctx, node);
  return true;
}

/** `if (refresh() || true) go();` → `refresh();` then `go();`: the condition's side effects stay, as statements. */
function collapseIfKeepingEffects(ctx: RoundContext, node: ts.IfStatement): boolean {
  const decided = decideCondition(node.expression, ctx.markers);
  if (!decided || !statementList(node)) return false;
  const chosen = decided.value ? node.thenStatement : node.elseStatement;
  replaceStatementWith(ctx, node, chosen ? [chosen] : [], effectStatements(ctx, decided.effects, node));
  return true;
}

/** `a()` and `b()` as statements `a();` / `b();`, written where `at` stands. */
function effectStatements(ctx: RoundContext, effects: ts.Expression[], at: ts.Node): string[] {
  const semi = usesSemicolons(ctx.sf) ? ';' : '';
  return effects.map((e) => {
    const text = movedText(ctx.sf, e, at);
    const inner = skipTransparent(e);
    const wrap = ts.isObjectLiteralExpression(inner) || ts.isFunctionExpression(inner) || ts.isClassExpression(inner);
    return `${wrap ? `(${text})` : text}${semi}`;
  });
}

/** An expression statement whose value is thrown away: only its side effects stay (`!!(load() || true);` → `load();`). */
function collapseExpressionStatement(ctx: RoundContext, node: ts.ExpressionStatement): boolean {
  const decided = decideCondition(node.expression, ctx.markers);
  if (!decided || !statementList(node)) return false;
  if (decided.effects.length === 1 && decided.effects[0] === node.expression) return false;
  replaceStatementWith(ctx, node, [], effectStatements(ctx, decided.effects, node));
  return true;
}

function collapseSwitch(ctx: RoundContext, node: ts.SwitchStatement): boolean {
  const known = evalKnown(node.expression, ctx.markers);
  if (!known) return false;
  const clauses = node.caseBlock.clauses;
  let index = -1;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    if (ts.isDefaultClause(c)) continue;
    const lit = literalValue(c.expression) ?? knownValue(c.expression, ctx.markers);
    if (!lit) {
      ctx.leave(c, 'switch case is not a literal: cannot tell which branch wins');
      return false;
    }
    if (lit.value === known.value) {
      index = i;
      break;
    }
  }
  if (index === -1) index = clauses.findIndex((c) => ts.isDefaultClause(c));
  if (index === -1) {
    removeStatement(ctx, node);
    return true;
  }
  // Fall through from the chosen clause until a break (or an abrupt end).
  const taken: ts.Statement[] = [];
  let ended = false;
  for (let i = index; i < clauses.length && !ended; i++) {
    for (const s of clauses[i].statements) {
      if (ts.isBreakStatement(s) && !s.label) {
        ended = true;
        break;
      }
      taken.push(s);
      if (endsAbruptly(s)) {
        ended = true;
        break;
      }
    }
  }
  if (taken.some((s) => hasUnlabeledJumpOut(s, 'break'))) {
    ctx.leave(node, 'switch branch breaks out from a nested statement: collapse it by hand');
    return false;
  }
  const list = statementList(node);
  const declared = taken.flatMap(lexicalNames);
  if (list && declared.length > 0) {
    const others = new Set<string>();
    for (const s of list) if (s !== node) identifierTexts(s, others);
    if (declared.some((n) => others.has(n))) {
      ctx.leave(node, `switch branch declares ${declared.join(', ')}, which the surrounding code also uses: collapse it by hand`);
      return false;
    }
  }
  replaceStatementWith(ctx, node, taken);
  return true;
}

/** Removes a statement, or, where a statement is required (a loop body, a label), leaves an empty block. */
export function removeStatement(ctx: RoundContext, statement: ts.Statement): void {
  // `if (a) { <only this> }` would be left empty: the `if` itself was made dead too (when `a` has no side effects).
  let stmt = statement;
  for (;;) {
    const block = stmt.parent;
    const owner = block.parent;
    if (!ts.isBlock(block) || block.statements.length !== 1 || !owner || !ts.isIfStatement(owner)) break;
    if (owner.thenStatement !== block || owner.elseStatement || !statementList(owner)) break;
    // `if (refresh()) { <only this> }`: the condition's side effects stay, as a statement (`refresh();`).
    if (!isPure(owner.expression) && !isPredicateCall(owner.expression)) {
      replaceStatementWith(ctx, owner, [], effectStatements(ctx, [owner.expression], owner));
      return;
    }
    stmt = owner;
  }
  const parent = stmt.parent;
  const list = statementList(stmt);
  if (list && emptiesBody(ctx.sf, stmt)) {
    // The only statement of a function body or block written over several lines: `{\n  x()\n}` → `{}`.
    ctx.edit(stmt.parent.getStart(ctx.sf) + 1, stmt.parent.getEnd() - 1, '');
    return;
  }
  if (list) {
    ctx.remove(stmt);
    guardJoin(ctx, list, list.indexOf(stmt), list[list.indexOf(stmt) - 1]);
    return;
  }
  if (ts.isIfStatement(parent) && parent.elseStatement === stmt) {
    ctx.edit(parent.thenStatement.getEnd(), stmt.getEnd(), '');
    return;
  }
  ctx.replace(stmt, '{}');
}

/**
 * Replaces `stmt` by the given statements. A chosen block is unwrapped into the enclosing list unless one of its
 * let/const/class/function names also appears elsewhere in that list (scoping would change). When the result
 * always returns/throws/breaks, the statements after it in the same list were made unreachable and go too.
 */
export function replaceStatementWith(ctx: RoundContext, stmt: ts.Statement, chosen: ts.Statement[], leading: string[] = []): void {
  const list = statementList(stmt);
  const sf = ctx.sf;
  if (!list) {
    const text = chosen.length === 1 ? movedText(sf, chosen[0], stmt) : `{ ${chosen.map((s) => s.getText(sf)).join(' ')} }`;
    ctx.replace(stmt, text);
    return;
  }
  const indent = indentOfLine(ctx.text, stmt.getStart(sf));
  const pieces: string[] = [...leading];
  const last = chosen[chosen.length - 1];
  let end = stmt.getEnd();
  const at = list.indexOf(stmt);
  // `if (!on) return;` taken at the end of a function: the `return;` it leaves last is redundant.
  const endsBody = isFunctionBody(stmt.parent) && (at === list.length - 1 || endsAbruptly(last));
  for (const s of chosen) {
    if (ts.isBlock(s)) {
      if (s.statements.length === 0) continue;
      const unwrap = canUnwrap(sf, s, stmt, list);
      const dropReturn = unwrap && endsBody && s === last && isBareReturn(s.statements.at(-1));
      if (dropReturn && s.statements.length === 1) continue;
      if (unwrap) pieces.push(blockBodyText(sf, s, stmt, dropReturn ? s.statements.at(-2)!.getEnd() : undefined));
      else pieces.push(movedText(sf, s, stmt));
    } else if (!(endsBody && s === last && isBareReturn(s))) pieces.push(movedText(sf, s, stmt));
  }
  if (pieces.length > 0 && continuesOnto(sf, list[at - 1]) && startsHazardously(pieces[0])) pieces[0] = `;${pieces[0]}`;
  if (endsAbruptly(last) && at < list.length - 1) {
    const after = list.slice(at + 1);
    const hoisted = after.filter((s) => ts.isFunctionDeclaration(s));
    pieces.push(...hoisted.map((s) => movedText(sf, s, stmt)));
    end = list[list.length - 1].getEnd();
  }
  if (pieces.length === 0) {
    if (end === stmt.getEnd() && emptiesBody(sf, stmt)) {
      ctx.edit(stmt.parent.getStart(sf) + 1, stmt.parent.getEnd() - 1, '');
      return;
    }
    if (end === stmt.getEnd()) ctx.remove(stmt);
    else ctx.edits.push({ ...removalRange(sf, stmt.getStart(sf), end), newText: '' });
    if (end === stmt.getEnd()) guardJoin(ctx, list, at, list[at - 1]);
    return;
  }
  const lastKept = chosen.filter((s) => !ts.isBlock(s) || s.statements.length > 0).at(-1);
  if (end === stmt.getEnd() && continuesOnto(sf, lastKept) && startsHazardously(list[at + 1]?.getText(sf) ?? '')) pieces[pieces.length - 1] += ';';
  ctx.edit(stmt.getStart(sf), end, pieces.join(`${ctx.eol}${indent}`));
}

/** `list[at]` goes: when `before` now runs into the next statement (no-semicolon style), that one gets a `;`. */
function guardJoin(ctx: RoundContext, list: ts.NodeArray<ts.Statement>, at: number, before: ts.Statement | undefined): void {
  const next = list[at + 1];
  if (next && continuesOnto(ctx.sf, before) && startsHazardously(next.getText(ctx.sf))) ctx.edit(next.getStart(ctx.sf), next.getStart(ctx.sf), ';');
}

function canUnwrap(sf: ts.SourceFile, block: ts.Block, stmt: ts.Statement, list: ts.NodeArray<ts.Statement>): boolean {
  const declared = block.statements.flatMap(lexicalNames);
  if (declared.length === 0) return true;
  // A top-level script's names are globals shared with other scripts: keep the block there.
  if (ts.isSourceFile(stmt.parent) && !ts.isExternalModule(sf)) return false;
  const others = new Set<string>();
  for (const s of list) if (s !== stmt) identifierTexts(s, others);
  // Names used around the enclosing list (outer scopes) could be captured by the unwrapped declarations too.
  let outer: ts.Node | undefined = stmt.parent.parent;
  while (outer && !ts.isSourceFile(outer) && !ts.isFunctionLike(outer)) outer = outer.parent;
  if (outer && ts.isFunctionLike(outer)) for (const p of outer.parameters) identifierTexts(p, others);
  return declared.every((n) => !others.has(n));
}

/** Does the file end its statements with `;` (the first simple statement decides)? */
function usesSemicolons(sf: ts.SourceFile): boolean {
  let answer: boolean | undefined;
  const visit = (n: ts.Node): void => {
    if (answer !== undefined) return;
    if (ts.isExpressionStatement(n) || ts.isVariableStatement(n) || ts.isReturnStatement(n)) answer = n.getText(sf).endsWith(';');
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return answer ?? true;
}

function isBareReturn(s: ts.Statement | undefined): boolean {
  return !!s && ts.isReturnStatement(s) && !s.expression;
}

function isFunctionBody(n: ts.Node): boolean {
  return ts.isBlock(n) && ts.isFunctionLike(n.parent) && (n.parent as ts.FunctionLikeDeclaration).body === n;
}

/** `stmt` is the only thing between its block's braces (no comment beside it), and the braces are on different lines. */
function emptiesBody(sf: ts.SourceFile, stmt: ts.Statement): boolean {
  const block = stmt.parent;
  if (!ts.isBlock(block) || block.statements.length !== 1) return false;
  const text = sf.text;
  const open = block.getStart(sf);
  const close = block.getEnd() - 1;
  if (text[open] !== '{' || text[close] !== '}') return false;
  const before = text.slice(open + 1, stmt.getStart(sf));
  const after = text.slice(stmt.getEnd(), close);
  return /^\s*$/.test(before) && /^\s*$/.test(after) && text.slice(open, close).includes('\n');
}
