import ts = require('typescript');
import { RoundContext, type LeftSite } from './context';
import { type TextEdit, applyEdits, pickGroups } from './edits';
import { foldWhole } from './fold';
import { authoredEmptyFragments } from './jsx';
import { rejoinShortenedLines } from './rejoin-lines';
import type { LineWidth } from './print-width';
import { dropStaleFlagComments } from './stale-comments';
import { MarkerTable, preferredQuote, renderValue } from './markers';
import { bindSource, describeSyntaxError, parseSource, syntaxErrors } from './parse';
import { pruneDead, referencedDeclarations, removeFlagOverrides } from './prune';
import { References } from './scope';
import { collapseStatement } from './statements';
import { type EngineCheck, substituteCheck } from './substitute';
import { flagExportsOf, removeExportedDeclarations } from './exports';
import { SIMPLIFY_RULES } from './rules';
import { ObjectConstants } from './object-values';

/** Why a file could not be cleaned: it did not parse before, a rewrite would not re-parse, or the rounds never settled. */
export type RewriteErrorKind = 'parse' | 'rewrite' | 'unsettled';

/** A file the cleanup cannot rewrite safely. Nothing of the file may be written. `line`/`column` are 0 when no position applies. */
export class RewriteError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly kind: RewriteErrorKind = 'rewrite',
  ) {
    super(message);
    this.name = 'RewriteError';
  }
}

export interface FileCleanupOptions {
  file: string;
  text: string;
  value: unknown;
  /** The checks of the flag being cleaned in `text` (the scanner's output for this file, filtered to the key). */
  findChecks: (text: string) => EngineCheck[];
  /** Exported declarations (names) to delete first: flag functions the project no longer calls anywhere. */
  removeExports?: readonly string[];
  /** config.patterns, for gate components' prop names. */
  patterns: readonly unknown[];
  /** Names an override map may use for the flag (the key and its camelCase form). Empty: leave overrides alone. */
  overrideNames: ReadonlySet<string>;
  /** Does a project file other than this one name the identifier? Lets a script's top-level `var` be inlined. */
  namedElsewhere?: (identifier: string) => boolean;
  /** Clean only the check containing this offset. */
  siteOffset?: number;
  /** The flag's spellings (key, camelCase): a whole-line comment naming it above code that changed goes too. */
  keyNames?: readonly string[];
  /** Names JSX reads implicitly (`React` under the classic transform): their imports stay while the file has JSX. */
  jsxFactories?: readonly string[];
  /** Extra names whose declarations count as "referenced before" (set by project-level passes). */
  markers?: MarkerTable;
  /** The file's Prettier line width (LineWidthFinder): a value the cleanup shortened rejoins its line within it. */
  lineWidth?: LineWidth;
}

/** An exported function (or constant) that, after the cleanup, only returns (holds) a substituted value. */
export interface FlagExport {
  name: string;
  kind: 'function' | 'const';
  value: unknown;
}

export interface FileCleanupResult {
  text: string;
  /** Exports reduced to a constant value: their importers can be cleaned too. */
  flagExports: FlagExport[];
  left: LeftSite[];
  /** Checks of the flag substituted in this file. */
  substituted: number;
}

const MAX_ROUNDS = 500;

/** Cleans one file: substitute, then fold/collapse/inline to a fixpoint, then prune what became dead. Pure. */
export function cleanupFileText(opts: FileCleanupOptions): FileCleanupResult {
  const { file } = opts;
  const original = parseSource(file, opts.text);
  const errors = syntaxErrors(original);
  if (errors.length > 0) {
    const at = original.getLineAndCharacterOfPosition(errors[0].start);
    throw new RewriteError(`${describeSyntaxError(original, errors[0])} (the file does not parse; it was not changed)`, file, at.line + 1, at.character + 1, 'parse');
  }
  const markers = opts.markers ?? new MarkerTable();
  let referencedCache: Set<string> | undefined;
  const referencedBefore = (): Set<string> => {
    if (!referencedCache) {
      const first = bindSource(file, opts.text);
      referencedCache = referencedDeclarations(first.sf, new References(first.sf, first.checker));
    }
    return referencedCache;
  };
  let text = opts.text;
  let substituted = 0;
  const noLeft = (): void => undefined;
  if (opts.removeExports && opts.removeExports.length > 0) {
    const ctx = new RoundContext(file, original, markers, noLeft);
    removeExportedDeclarations(ctx, opts.removeExports);
    const edits = pickGroups(ctx.groups);
    if (edits.length > 0) {
      text = applyChecked(file, text, ctx, edits);
      substituted++;
    }
  }

  // 1. Substitution, re-detecting after every round (a gate's children may hold further checks).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let checks = opts.findChecks(text);
    if (opts.siteOffset !== undefined) {
      if (round > 0) break;
      checks = checks.filter((c) => c.range.start <= opts.siteOffset! && opts.siteOffset! <= c.range.end).slice(-1);
    }
    if (checks.length === 0) break;
    const ctx = new RoundContext(file, parseSource(file, text), markers, noLeft);
    let made = 0;
    for (const c of checks) if (ctx.group(() => substituteCheck(ctx, c, opts.value, opts.patterns))) made++;
    const edits = pickGroups(ctx.groups);
    if (edits.length === 0) break;
    substituted += made;
    text = applyChecked(file, text, ctx, edits);
  }

  if (substituted === 0) {
    // Nothing of the flag here (or nothing it could clean): only test overrides may go; otherwise the file is untouched.
    const ctx = new RoundContext(file, original, markers, noLeft);
    if (opts.overrideNames.size > 0) removeFlagOverrides(ctx, opts.overrideNames, opts.patterns);
    const edits = pickGroups(ctx.groups);
    if (edits.length > 0) text = applyChecked(file, text, ctx, edits);
    const left: LeftSite[] = [];
    if (opts.siteOffset === undefined) {
      const reportCtx = new RoundContext(file, parseSource(file, text), markers, (site) => left.push(site));
      reportCtx.reporting = true;
      for (const c of opts.findChecks(text)) substituteCheck(reportCtx, c, opts.value, opts.patterns);
    }
    return { text, flagExports: [], left: left.map(({ file: f, line, column, reason }) => ({ file: f, line, column, reason })), substituted };
  }

  const authoredFragments = authoredEmptyFragments(original);
  // 2. Simplify to a fixpoint. 3. Prune. Pruning can expose more to simplify, so both repeat until quiet.
  let overridesDone = opts.overrideNames.size === 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ctx = new RoundContext(file, parseSource(file, text), markers, noLeft);
    ctx.namedElsewhere = opts.namedElsewhere;
    ctx.authoredEmptyFragments = authoredFragments;
    ctx.jsxFactories = opts.jsxFactories;
    simplifyRound(ctx);
    let edits = pickGroups(ctx.groups);
    if (edits.length === 0) {
      if (!overridesDone) {
        removeFlagOverrides(ctx, opts.overrideNames, opts.patterns);
        overridesDone = true;
      }
      pruneDead(ctx, referencedBefore());
      edits = pickGroups(ctx.groups);
      if (edits.length === 0) break;
    }
    text = applyChecked(file, text, ctx, edits);
    if (round === MAX_ROUNDS - 1) throw new RewriteError(`${file}: the cleanup did not settle after ${MAX_ROUNDS} rounds`, file, 0, 0, 'unsettled');
  }

  text = trimLeadingBlankLines(opts.text, text);
  text = dropStaleFlagComments(opts.text, text, opts.keyNames ?? []);
  const rejoined = rejoinShortenedLines(file, opts.text, text, opts.lineWidth);
  text = rejoined.text;

  // Report what is left for a person, from one last pass that changes nothing.
  const left: (LeftSite & { offset: number })[] = [];
  const finalSf = rejoined.sf;
  const reportCtx = new RoundContext(file, finalSf, markers, (site) => left.push(site as LeftSite & { offset: number }));
  reportCtx.namedElsewhere = opts.namedElsewhere;
  reportCtx.authoredEmptyFragments = authoredFragments;
  reportCtx.reporting = true;
  const remaining = opts.findChecks(text);
  for (const c of opts.siteOffset === undefined ? remaining : []) substituteCheck(reportCtx, c, opts.value, opts.patterns);
  simplifyRound(reportCtx);

  const flagExports = flagExportsOf(reportCtx);

  // 4. Markers still in the code become literals.
  const finalEdits = finalizeMarkers(finalSf, markers, preferredQuote(original));
  const finalText = applyEdits(text, finalEdits);
  if (finalEdits.length > 0) verifyParses(file, finalText, finalSf, finalEdits);
  return { text: finalText, flagExports, left: left.map((s) => relocate(s, finalEdits, finalText)), substituted };
}

/**
 * One bottom-up pass of every simplification rule. A node whose subtree already changed this round is skipped:
 * its own rewrite would overlap and wait for the re-parse anyway.
 */
/** Imports removed from the top of a file must not leave it starting with blank lines it did not have. */
function trimLeadingBlankLines(before: string, after: string): string {
  const blankPrefix = (t: string): number => {
    let end = 0;
    for (;;) {
      const nl = t.indexOf('\n', end);
      if (nl === -1 || t.slice(end, nl).trim() !== '') return end;
      end = nl + 1;
    }
  };
  return blankPrefix(before) > 0 ? after : after.slice(blankPrefix(after));
}

function simplifyRound(ctx: RoundContext): void {
  const visit = (node: ts.Node): boolean => {
    // Statements first (an `if` decided by its condition goes at once), then whole decided expressions.
    if (!ctx.reporting && (ts.isIfStatement(node) || ts.isSwitchStatement(node)) && ctx.group(() => collapseStatement(ctx, node))) return true;
    if (!ctx.reporting && ctx.group(() => foldWhole(ctx, node))) return true;
    let changed = false;
    ts.forEachChild(node, (child) => {
      if (visit(child)) changed = true;
    });
    if (changed && !ctx.reporting) return true;
    return ctx.group(() => SIMPLIFY_RULES.some((rule) => rule(ctx, node))) || changed;
  };
  visit(ctx.sf);
}

function applyChecked(file: string, text: string, ctx: RoundContext, edits: TextEdit[]): string {
  const next = applyEdits(text, edits);
  verifyParses(file, next, ctx.sf, edits);
  return next;
}

function verifyParses(file: string, next: string, before: ts.SourceFile, edits: TextEdit[]): void {
  const sf = parseSource(file, next);
  const errors = syntaxErrors(sf);
  if (errors.length === 0) return;
  // Name the construct whose rewrite broke the file: the edit nearest the first error.
  const culprit = edits.find((e) => syntaxErrors(parseSource(file, applyEdits(before.text, [e]))).length > 0) ?? edits[0];
  const pos = before.getLineAndCharacterOfPosition(culprit.start);
  const construct = constructAt(before, culprit.start);
  throw new RewriteError(
    `${file}:${pos.line + 1}:${pos.character + 1}: rewriting this ${construct} would not re-parse (${describeSyntaxError(sf, errors[0])}); nothing was written`,
    file,
    pos.line + 1,
    pos.character + 1,
  );
}

function constructAt(sf: ts.SourceFile, offset: number): string {
  let found: ts.Node = sf;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) <= offset && offset < n.getEnd()) {
      found = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  let n: ts.Node = found;
  while (n.parent && (ts.isIdentifier(n) || ts.isToken(n))) n = n.parent;
  return ts.SyntaxKind[n.kind].replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function finalizeMarkers(sf: ts.SourceFile, markers: MarkerTable, quote: '"' | "'"): TextEdit[] {
  const edits: TextEdit[] = [];
  const objects = new ObjectConstants(sf, markers, quote);
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const known = markers.lookup(n.text);
      if (known) {
        const text = objects.nameFor(n, known.value) ?? renderValue(known.value, quote);
        edits.push({ start: n.getStart(sf), end: n.getEnd(), newText: needsGrouping(n, text) ? `(${text})` : text });
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...objects.declarationEdits(), ...edits];
}

/** A number where the marker stood may not parse as meant: `3.toFixed()`, `x--3`, `-3 ** 2`. */
function needsGrouping(id: ts.Identifier, text: string): boolean {
  const p = id.parent;
  const isReceiver =
    ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === id) ||
    (ts.isTaggedTemplateExpression(p) && p.tag === id);
  if (/^\d/.test(text)) return isReceiver && ts.isPropertyAccessExpression(p);
  if (!text.startsWith('-')) return false;
  if (isReceiver || ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) return true;
  return ts.isBinaryExpression(p) && (p.right === id || p.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken);
}

function relocate(site: LeftSite & { offset?: number }, edits: TextEdit[], text: string): LeftSite {
  const { offset, ...rest } = site;
  if (offset === undefined) return rest;
  let shifted = offset;
  for (const e of edits) if (e.end <= offset) shifted += e.newText.length - (e.end - e.start);
  const before = text.slice(0, shifted);
  const line = before.split('\n').length;
  return { ...rest, line, column: shifted - before.lastIndexOf('\n') };
}
