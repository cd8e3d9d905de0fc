import ts = require('typescript');
import type { TextEdit } from './edits';
import { type MarkerTable, literalValue, skipTransparent } from './markers';
import { bindParsed, type BoundFile } from './parse';
import { References } from './scope';
import { continuesOnto, isPure, needsParens, startsHazardously, statementList } from './syntax';
import { indentOfLine, movedText, reindent, removeNode, templateLines } from './text';

/** A site the engine could not clean, for a person to finish. */
export interface LeftSite {
  file: string;
  line: number;
  column: number;
  reason: string;
}

/** What every rewrite rule gets for one round on one file. */
export class RoundContext {
  readonly edits: TextEdit[] = [];
  /** Edits that must be applied together (one rule application), in the order they were made. */
  readonly groups: TextEdit[][] = [];
  readonly sf: ts.SourceFile;
  private refs?: References;

  /** `source`: the parsed text; the binder (a one-file Program) is only built when a rule needs name resolution. */
  constructor(
    readonly file: string,
    source: ts.SourceFile | BoundFile,
    readonly markers: MarkerTable,
    private readonly onLeft: (site: LeftSite) => void,
  ) {
    if ('checker' in source) {
      this.sf = source.sf;
      this.refs = new References(source.sf, source.checker);
    } else this.sf = source;
  }

  get text(): string {
    return this.sf.text;
  }

  /** The file's line break, for text the cleanup writes across lines. */
  get eol(): string {
    return this.sf.text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Which identifiers refer to which declaration in this round's text. */
  get references(): References {
    if (!this.refs) {
      const bound = bindParsed(this.sf);
      this.refs = new References(bound.sf, bound.checker);
    }
    return this.refs;
  }

  /** Runs one rule application; the edits it makes are kept or deferred as a unit. Returns whether it made any. */
  group(fn: () => unknown): boolean {
    const from = this.edits.length;
    fn();
    if (this.edits.length > from) {
      this.groups.push(this.edits.slice(from));
      return true;
    }
    return false;
  }

  /**
   * Does a project file other than this one name `identifier`? Set when the project's files are known; a
   * top-level `var` of a script is a global, inlined only when no other file names it.
   */
  namedElsewhere?: (identifier: string) => boolean;
  /** Empty fragments the file had before the cleanup (see `authoredEmptyFragments`): left as written. */
  authoredEmptyFragments?: ReadonlySet<string>;
  /** Names every JSX tag reads under the classic transform (`React`): not pruned while the file has JSX. */
  jsxFactories?: readonly string[];

  /** Sites are only collected in the engine's final reporting pass (rules run every round and would repeat them). */
  reporting = false;

  leave(node: ts.Node, reason: string): void {
    if (!this.reporting) return;
    this.leaveAt(node.getStart(this.sf), reason);
  }

  leaveAt(offset: number, reason: string): void {
    if (!this.reporting) return;
    const pos = this.sf.getLineAndCharacterOfPosition(offset);
    this.onLeft({ file: this.file, line: pos.line + 1, column: pos.character + 1, reason, offset } as LeftSite);
  }

  edit(start: number, end: number, newText: string): void {
    this.edits.push({ start, end, newText });
  }

  replace(node: ts.Node, newText: string): void {
    this.edit(node.getStart(this.sf), node.getEnd(), newText);
  }

  remove(node: ts.Node): void {
    this.edits.push(removeNode(this.sf, node));
  }

  marker(value: unknown): string {
    return this.markers.nameFor(value);
  }

  /**
   * Replaces the expression `target` by the existing expression `source` (a part of it), keeping the source's
   * bytes, adding parentheses only where precedence needs them. In JSX children, `{cond && <X/>}` becomes `<X/>`.
   */
  replaceWithExpression(target: ts.Expression, source: ts.Expression): void {
    // A keyword value the substitution chose (`flag ? icon : undefined` → `undefined`) is decided by the flag:
    // it becomes a marker, so that it folds further (`const endIcon = undefined` is inlined, `{null}` goes).
    const chosen = literalValue(source);
    if (chosen && (typeof chosen.value === 'boolean' || chosen.value === null || chosen.value === undefined) && !ts.isIdentifier(skipTransparent(target))) {
      this.replaceWithValue(target, chosen.value);
      return;
    }
    const host = climbParens(target);
    const container = host.parent;
    if (container && ts.isJsxExpression(container) && isJsxChild(container)) {
      const inner = skipTransparent(source);
      if (ts.isJsxFragment(inner) && inner.children.some((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces))) {
        // `{on && (<>\n  <A />\n  <B />\n</>)}` as a child: the fragment's children join the parent's.
        this.replace(container, fragmentChildrenText(this.sf, inner, container));
        return;
      }
      if (ts.isJsxElement(inner) || ts.isJsxSelfClosingElement(inner) || ts.isJsxFragment(inner)) {
        this.replace(container, movedText(this.sf, inner, container));
        return;
      }
    }
    // `isLoading: on && isLoading` → `isLoading`, the shorthand, not `isLoading: isLoading`.
    const prop = host.parent;
    const kept = skipTransparent(source);
    if (prop && ts.isPropertyAssignment(prop) && prop.initializer === host && ts.isIdentifier(prop.name) && ts.isIdentifier(kept) && kept.text === prop.name.text && !this.markers.lookup(kept.text)) {
      this.replace(prop, kept.text);
      return;
    }
    // `if (on && (a && b))` → `if (a && b)`, `(on && (a || b))` → `(a || b)`: the kept operand's own parentheses
    // go where nothing needs them (a multi-line JSX block keeps them: they are layout).
    if (ts.isParenthesizedExpression(source) && !source.getText(this.sf).includes('\n') && !needsParens(source.expression, target)) {
      this.replaceWithExpression(target, source.expression);
      return;
    }
    const text = movedText(this.sf, source, target);
    // `(flag ? 'on' : 'off')` → `'on'`, not `('on')`: parentheses that only grouped the replaced expression go.
    const parens = target.parent;
    if (parens && ts.isParenthesizedExpression(parens) && (isAtomic(source) || isLooseUnary(source, parens)) && !text.includes('\n') && !ts.isParenthesizedExpression(parens.parent)) {
      const outer = climbParens(parens);
      if (!(ts.isArrowFunction(outer.parent) && ts.isObjectLiteralExpression(skipTransparent(source)))) {
        this.replace(parens, text);
        return;
      }
    }
    const written = needsParens(source, target) ? `(${text})` : text;
    this.replace(target, startsHazardously(written) && this.followsOpenStatement(target) ? `;${written}` : written);
  }

  /** Does `expr` start a statement that the previous one, written without `;`, would run into? */
  private followsOpenStatement(expr: ts.Node): boolean {
    let n = expr;
    while (n.parent && !ts.isExpressionStatement(n.parent) && n.parent.getStart(this.sf) === n.getStart(this.sf)) n = n.parent;
    const stmt = n.parent;
    if (!stmt || !ts.isExpressionStatement(stmt) || stmt.getStart(this.sf) !== expr.getStart(this.sf)) return false;
    const list = statementList(stmt);
    return !!list && continuesOnto(this.sf, list[list.indexOf(stmt) - 1]);
  }

  /** Replaces `target` by a substituted value; in JSX children a value that renders nothing removes `{...}`. */
  replaceWithValue(target: ts.Expression, value: unknown): void {
    const host = climbParens(target);
    const container = host.parent;
    if (container && ts.isJsxExpression(container) && isJsxChild(container) && rendersNothing(value)) {
      this.remove(container);
      return;
    }
    // A multi-line expression decided as a whole: a comment ending its last line explained a dropped operand.
    const end = target.getEnd();
    const comment = this.text.slice(target.getStart(this.sf), end).includes('\n') ? ts.getTrailingCommentRanges(this.text, end)?.[0] : undefined;
    if (comment && !this.text.slice(end, comment.pos).includes('\n')) this.edit(target.getStart(this.sf), comment.end, this.marker(value));
    else this.replace(target, this.marker(value));
  }
}

/** An expression that never needs parentheses around it. */
/**
 * `!x` (or `-x`, `typeof x`) of an atomic operand: no binary operator binds tighter, so its parentheses only matter
 * where they are themselves operated on (`(!x).y`, `(!x)()`, `(-x) ** 2`).
 */
function isLooseUnary(node: ts.Node, parens: ts.ParenthesizedExpression): boolean {
  const unary = ts.isPrefixUnaryExpression(node) || ts.isTypeOfExpression(node);
  if (!unary || !isAtomic(ts.isTypeOfExpression(node) ? node.expression : (node as ts.PrefixUnaryExpression).operand)) return false;
  const outer = parens.parent;
  if (ts.isPropertyAccessExpression(outer) || ts.isElementAccessExpression(outer) || ts.isTaggedTemplateExpression(outer) || ts.isNonNullExpression(outer)) return false;
  if ((ts.isCallExpression(outer) || ts.isNewExpression(outer)) && outer.expression === parens) return false;
  if (ts.isBinaryExpression(outer) && outer.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken) return false;
  return true;
}

function isAtomic(node: ts.Node): boolean {
  return (
    ts.isIdentifier(node) ||
    ts.isStringLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    node.kind === ts.SyntaxKind.ThisKeyword ||
    ts.isCallExpression(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node) ||
    ts.isJsxSelfClosingElement(node)
  );
}

export function climbParens(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n;
}

export function isJsxChild(node: ts.Node): boolean {
  return !!node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.parent.children.some((c) => c === node);
}

/** React renders nothing for booleans, null and undefined. */
export function rendersNothing(value: unknown): boolean {
  return value === true || value === false || value === null || value === undefined;
}

export { isPure };

/** The children of a fragment, from the first meaningful one to the last, re-indented to stand where `target` is. */
function fragmentChildrenText(sf: ts.SourceFile, fragment: ts.JsxFragment, target: ts.Node): string {
  const meaningful = fragment.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  let start = first.getStart(sf);
  let end = last.getEnd();
  if (ts.isJsxText(first)) start += first.text.length - first.text.trimStart().length;
  if (ts.isJsxText(last)) end -= last.text.length - last.text.trimEnd().length;
  return reindent(sf.text.slice(start, end), indentOfLine(sf.text, start), indentOfLine(sf.text, target.getStart(sf)), templateLines(sf, start, end));
}
