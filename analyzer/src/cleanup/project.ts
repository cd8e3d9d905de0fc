import ts = require('typescript');
import * as path from 'node:path';
import { createDetectContext, detectFile, listSourceFiles, type DetectContext, type FileDetection } from '../detect';
import type { Diagnostic, FlagCheck, KeyDeclaration } from '../model';
import { removeFlagDefinition } from './definition';
import { countLinesRemoved, minimalEdits } from './edits';
import { RewriteError, cleanupFileText, type FlagExport } from './engine';
import { cleanImportersOfFlagExports } from './importers';
import { declaredName, findKeyConstants, isExportedDeclaration, removeUnusedKeyDeclarations } from './key-declarations';
import { dynamicReason } from '../keys/dynamic-reason';
import { checkMayReadKey, checkReadsKey, keySpellings } from './keys';
import { MarkerTable } from './markers';
import { DiskReader } from './read';
import type { CleanupError, CleanupRequest, CleanupResult, FileChange, LeftSite } from './types';
import { adoptFlagKind, flagValueKind, kindMismatch } from './value-fit';
import { skippedVerification, verifyChanges } from './verify';
import { typedReads, type SourceFileCache } from './verify/read-types';
import { TsconfigFinder } from './verify/tsconfig';
import { LineWidthFinder } from './print-width';
import { flagApiTested, testPins } from './test-pins';

const toPosix = (p: string): string => p.replace(/\\/g, '/');
const BOM = '\uFEFF';

interface Loaded {
  file: string;
  before: string;
  checks: FlagCheck[];
}

/** Everything one cleanup learns as its phases run. Phases read and extend it; none of them writes to disk. */
interface CleanupRun {
  request: CleanupRequest;
  result: CleanupResult;
  detect: DetectContext;
  disk?: DiskReader;
  /** Files inside the cleanup's scope. */
  candidates: string[];
  universe: () => Promise<string[]>;
  /** Text of every file read so far, as it was before the cleanup. */
  textOf: (file: string) => string | undefined;
  texts: Map<string, string>;
  loaded: Map<string, Loaded>;
  declarations: Map<string, KeyDeclaration>;
  value: unknown;
  markers: MarkerTable;
  /** New text of every file the phases changed so far. */
  after: Map<string, string>;
  exportsByFile: Map<string, FlagExport[]>;
  /** Files the checker parsed for this cleanup, reused by verification. */
  sourceFiles: SourceFileCache;
  /** tsconfig lookups of this cleanup (type reads, JSX factories, verification). */
  tsconfigs: TsconfigFinder;
  lineWidths: LineWidthFinder;
  /** Reads that may pick this key at run time (`cond ? 'a' : 'b'`): they are left as they are, so the flag stays defined. */
  possibleReads: number;
  /** Files TypeScript could not parse at all (nested too deep): each is an error of the run once. */
  tooDeep: Set<string>;
}

/**
 * Cleans one flag out of the code: returns the edits per file and what is left for a person. Never writes.
 * Files whose text mentions the flag (its key, camelCase key, or a constant holding it) are loaded; every other file
 * that can hold a flag check is parsed for reads of the key the text does not spell (see loadComposedReads).
 * Errors in the result mean: write nothing.
 */
export async function cleanupFlag(request: CleanupRequest): Promise<CleanupResult> {
  const started = performance.now();
  const run = await startRun(request);
  try {
    await cleanupPhases(run);
  } catch (e) {
    // Loading and the type check catch this themselves, naming the file or the check; elsewhere the run stops here.
    if (!stackOverflow(e)) throw e;
    run.result.errors.push({ kind: 'parse', message: `flagsweep could not finish the cleanup: ${TOO_DEEP}` });
  }
  run.result.stats.durationMs = Math.round(performance.now() - started);
  return run.result;
}

async function cleanupPhases(run: CleanupRun): Promise<void> {
  const { request } = run;
  await loadFlagFiles(run);
  if (chooseValue(run)) {
    if (request.verify) typeReads(run);
    cleanFiles(run);
    if (noErrors(run) && request.scope.kind === 'project' && run.exportsByFile.size > 0) await rewritingAsync(run, () => cleanImporters(run));
    if (noErrors(run) && request.scope.kind !== 'site') await rewritingAsync(run, () => removeKeyDeclarations(run));
    if (request.removeDefinition) removeDefinitions(run);
    buildChanges(run);
    if (request.verify && noErrors(run) && run.result.files.length > 0) verify(run, await run.universe());
  }
}

async function startRun(request: CleanupRequest): Promise<CleanupRun> {
  const { config, scope } = request;
  const disk = request.readFile ? undefined : new DiskReader();
  const openText = request.openText;
  const readFile = request.readFile ?? (openText ? (file: string) => openText(file) ?? disk!.read(file) : disk!.read);
  const result: CleanupResult = {
    key: request.key,
    value: request.value,
    files: [],
    leftForHuman: [],
    testsToReview: [],
    errors: [],
    diagnostics: [],
    verification: skippedVerification(),
    stats: { filesScanned: 0, filesLoaded: 0, checksFound: 0, declarationsFound: 0, checksCleaned: 0, linesRemoved: 0, durationMs: 0 },
  };
  const listProject = async (paths?: string[]): Promise<string[]> => {
    if (!request.projectFiles) return listSourceFiles(config, paths);
    if (!paths || paths.length === 0) return [...request.projectFiles];
    const wanted = paths.map((p) => toPosix(path.resolve(config.root, p)));
    return request.projectFiles.filter((f) => wanted.some((w) => f === w || f.startsWith(w.endsWith('/') ? w : `${w}/`)));
  };
  const candidates = scope.kind === 'project' ? await listProject(scope.paths) : [toPosix(path.resolve(config.root, scope.file))];
  result.stats.filesScanned = candidates.length;
  // Files that may refer to what the cleanup removes: the whole project even when `paths` narrowed the cleanup.
  let universeFiles: string[] | undefined;
  const universe = async (): Promise<string[]> => {
    universeFiles ??= scope.kind === 'project' && scope.paths && scope.paths.length > 0 ? await listProject() : candidates;
    return universeFiles;
  };
  const texts = new Map<string, string>();
  const textOf = (file: string): string | undefined => {
    if (!texts.has(file)) {
      const t = readFile(file);
      if (t === undefined) return undefined;
      texts.set(file, t);
    }
    return texts.get(file);
  };
  return {
    request,
    result,
    detect: createDetectContext(config, { readFile }),
    disk,
    candidates,
    universe,
    textOf,
    texts,
    loaded: new Map(),
    declarations: new Map(),
    value: request.value,
    markers: new MarkerTable(),
    after: new Map(),
    exportsByFile: new Map(),
    sourceFiles: new Map(),
    tsconfigs: new TsconfigFinder(),
    lineWidths: new LineWidthFinder(),
    possibleReads: 0,
    tooDeep: new Set(),
  };
}

/** Phase 1, load: files mentioning the key, then files mentioning a constant that holds it; their checks and the key's declarations. */
async function loadFlagFiles(run: CleanupRun): Promise<void> {
  const { request, candidates, textOf, declarations } = run;
  const { key, scope } = request;
  const spellings = keySpellings(key);
  const mentionsKey = (text: string | undefined): boolean => text !== undefined && spellings.some((s) => text.includes(s));
  if (scope.kind !== 'project') {
    for (const file of candidates) loadFile(run, file);
  } else {
    for (const file of candidates) if (mentionsKey(textOf(file))) loadFile(run, file);
    // Constants are looked for in the whole project (a constants module may lie outside `paths`), but only files
    // inside the scope are loaded.
    const inScope = new Set(candidates);
    if (scope.paths && scope.paths.length > 0) {
      for (const file of await run.universe()) {
        const text = inScope.has(file) ? undefined : textOf(file);
        if (mentionsKey(text)) for (const d of findKeyConstants(file, text!, key)) declarations.set(`${d.file}\0${d.name}`, d);
      }
    }
    const names = new Set([...declarations.values()].map(declaredName));
    if (names.size > 0) for (const file of candidates) if (!run.loaded.has(file) && [...names].some((n) => textOf(file)!.includes(n))) loadFile(run, file);
    loadComposedReads(run);
  }
  const stats = run.result.stats;
  stats.filesLoaded = run.loaded.size;
  stats.checksFound = [...run.loaded.values()].reduce((n, l) => n + l.checks.length, 0);
  stats.declarationsFound = declarations.size;
}

/**
 * The scan also resolves keys a file never spells: escapes (`'new\u002dcheckout'`), concatenations and templates of
 * constants (`` `${prefix}-checkout` ``). Every other file in scope that can hold a flag check is parsed, and loaded
 * when a check of it reads (or may read) the key: a cleanup never reports success with such a read left behind.
 */
function loadComposedReads(run: CleanupRun): void {
  const { key } = run.request;
  for (const file of run.candidates) {
    if (run.loaded.has(file)) continue;
    const text = run.textOf(file);
    if (text === undefined) continue;
    // detectFile runs the scan's prefilter first: most files are ruled out without a parse.
    const detection = detectOrRecord(run, file, text);
    if (detection?.checks.some((c) => checkReadsKey(c, key) || checkMayReadKey(c, key))) loadFile(run, file, detection);
  }
}

/** The file's detection; undefined (and a 'parse' error naming the file) when TypeScript cannot parse it at all. */
function detectOrRecord(run: CleanupRun, file: string, text: string): FileDetection | undefined {
  if (run.tooDeep.has(file)) return undefined;
  try {
    return detectFile(file, text, run.detect);
  } catch (e) {
    // Such a file can be neither read for checks nor rewritten: the cleanup stops naming it, as for a syntax error.
    if (!stackOverflow(e)) throw e;
    tooDeep(run, file);
    return undefined;
  }
}

/** Named once however many phases try to parse it. */
function tooDeep(run: CleanupRun, file: string): void {
  if (run.tooDeep.has(file)) return;
  run.tooDeep.add(file);
  run.result.errors.push({ kind: 'parse', file, message: `${file}: ${TOO_DEEP}` });
}

function loadFile(run: CleanupRun, file: string, detected?: FileDetection): void {
  if (run.loaded.has(file)) return;
  const { key } = run.request;
  const text = run.textOf(file);
  if (text === undefined) {
    run.result.errors.push({ kind: 'read', file, message: `${file}: cannot read file` });
    return;
  }
  const detection = detected ?? detectOrRecord(run, file, text);
  if (!detection) return;
  let constants: KeyDeclaration[];
  try {
    constants = findKeyConstants(file, text, key);
  } catch (e) {
    if (!stackOverflow(e)) throw e;
    tooDeep(run, file);
    return;
  }
  for (const d of detection.diagnostics) if (d.severity === 'error') run.result.diagnostics.push(d);
  const checks = detection.checks.filter((c) => checkReadsKey(c, key));
  for (const c of detection.checks.filter((d) => checkMayReadKey(d, key))) {
    run.possibleReads++;
    run.result.leftForHuman.push({ file, line: c.range.line, column: c.range.column, reason: `the key is chosen at run time here (${dynamicReason(c.dynamic)}): change this read by hand` });
  }
  for (const d of detection.declarations) if (d.key === key) run.declarations.set(`${d.file}\0${declaredName(d)}`, d);
  for (const d of constants) if (!run.declarations.has(`${d.file}\0${d.name}`)) run.declarations.set(`${d.file}\0${d.name}`, d);
  run.loaded.set(file, { file, before: text, checks });
}

/** Phase 2, choose the value: the one given, else the code default every check writes. False: the run stops here. */
function chooseValue(run: CleanupRun): boolean {
  if (run.value !== undefined) return true;
  const checks = [...run.loaded.values()].flatMap((l) => l.checks);
  const common = commonDefault(checks);
  if (!common) {
    run.result.errors.push({
      kind: 'needs-value',
      message: `flag "${run.request.key}" has no single value to keep: ${checks.length === 0 ? 'no check of it was found' : 'its checks do not all write the same literal default'}; pass --value`,
    });
    return false;
  }
  run.value = common.value;
  run.result.value = common.value;
  return true;
}

/**
 * Phase 2b, types: where a tsconfig governs a file, a read the syntax could not tell the kind of takes it from the
 * checker, so a value that does not fit its type (`safeParse(true)` for a typed record) is left for a person.
 */
function typeReads(run: CleanupRun): void {
  const loaded = [...run.loaded.values()];
  const untold = (c: FlagCheck): boolean => !c.valueKindBasis || c.valueKindBasis.from === 'none';
  // Only reads the syntax could not tell need a Program: most cleanups build none here.
  let typed: ReturnType<typeof typedReads>;
  try {
    typed = typedReads(loaded.map((l) => ({ file: l.file, text: l.before, checks: l.checks.filter(untold) })), run.sourceFiles, run.tsconfigs);
  } catch (e) {
    if (!stackOverflow(e)) throw e;
    run.result.errors.push({ ...TYPE_CHECK_TOO_DEEP });
    return;
  }
  if (typed.size === 0) return;
  for (const l of loaded) {
    l.checks = l.checks.map((c) => {
      const t = typed.get(c);
      if (!t) return c;
      const type = t.typeText.length > 60 ? `${t.typeText.slice(0, 57)}…` : t.typeText;
      return { ...c, valueKind: t.kind, valueKindBasis: { from: 'type', detail: `its type is \`${type}\`` } };
    });
  }
}

/** Phase 3, clean files: each loaded file on its own (substitute, simplify, prune). */
function cleanFiles(run: CleanupRun): void {
  const { request, result } = run;
  const { config, key, scope } = request;
  const flagKind = flagValueKind([...run.loaded.values()].flatMap((l) => l.checks));
  const relative = (f: string) => path.relative(config.root, f).split(path.sep).join('/');
  // Checks the value does not fit stay in the code, so the tests' overrides of the flag must stay too.
  const refused = [...run.loaded.values()].some((l) => adoptFlagKind(l.checks, flagKind).some((c) => kindMismatch(c, run.value) !== undefined));
  const overrideNames = scope.kind === 'site' || refused ? new Set<string>() : new Set(keySpellings(key));
  // A script's top-level `var` is a global: inlined only when no other project file names it (a substring test:
  // unsure means named). Only a whole-project run sees every file.
  const wholeProject = scope.kind === 'project' && !(scope.paths && scope.paths.length > 0);
  const namedElsewhere = (file: string) => (name: string) => run.candidates.some((f) => f !== file && (run.textOf(f) ?? name).includes(name));
  for (const l of run.loaded.values()) {
    const api = flagApiTested(l.file, config.patterns);
    if (api) {
      // The flag API's own test uses this flag as its example: rewriting it would test nothing (`renderHook(() => true)`).
      for (const c of l.checks) {
        result.leftForHuman.push({ file: l.file, line: c.range.line, column: c.range.column, reason: `this test tests \`${api}\` itself, with this flag as its example: point it at another flag` });
      }
      continue;
    }
    rewriting(run, () => {
      const out = cleanupFileText({
        file: l.file,
        text: l.before,
        value: run.value,
        findChecks: (text) => adoptFlagKind(text === l.before ? l.checks : detectFile(l.file, text, run.detect).checks.filter((c) => checkReadsKey(c, key)), flagKind, relative),
        patterns: config.patterns,
        overrideNames,
        namedElsewhere: wholeProject ? namedElsewhere(l.file) : undefined,
        siteOffset: scope.kind === 'site' ? scope.offset : undefined,
        keyNames: keySpellings(key),
        // Only a verified cleanup reads tsconfigs (verification parses them anyway); others keep the old pruning.
        jsxFactories: request.verify ? jsxFactories(run.tsconfigs, l.file) : undefined,
        markers: run.markers,
        lineWidth: run.lineWidths.forFile(l.file),
      });
      run.after.set(l.file, out.text);
      if (out.flagExports.length > 0) run.exportsByFile.set(l.file, out.flagExports);
      result.stats.checksCleaned += out.substituted;
      result.leftForHuman.push(...out.left);
    });
  }
}

/** Phase 4, clean importers: exports that became constants are inlined where they are imported. */
async function cleanImporters(run: CleanupRun): Promise<void> {
  const { request } = run;
  cleanImportersOfFlagExports({
    candidates: run.candidates,
    universe: await run.universe(),
    exportsByFile: run.exportsByFile,
    after: run.after,
    textOf: run.textOf,
    key: request.key,
    value: run.value,
    markers: run.markers,
    patterns: request.config.patterns,
    lineWidth: (file) => run.lineWidths.forFile(file),
    result: run.result,
    loaded: new Set(run.loaded.keys()),
  });
}

/** Phase 5, remove key declarations that nothing uses any more. Outside a whole-project run only the cleaned file's own, unexported constants may go. */
async function removeKeyDeclarations(run: CleanupRun): Promise<void> {
  const inScope = new Set(run.candidates);
  const projectWide = run.request.scope.kind === 'project';
  const removable = [...run.declarations.values()].filter(
    (d) => inScope.has(d.file) && (projectWide || !isExportedDeclaration(run.after.get(d.file) ?? run.textOf(d.file), d)),
  );
  removeUnusedKeyDeclarations(removable, run.after, run.textOf, await run.universe());
}

/** Phase 6, remove the flag's definition from the flagd files of `config.sources`. */
function removeDefinitions(run: CleanupRun): void {
  const { config, key } = run.request;
  if (run.possibleReads > 0) {
    const n = run.possibleReads;
    const where = n === 1 ? '1 place still picks its key at run time' : `${n} places still pick its key at run time`;
    run.result.diagnostics.push({ severity: 'warning', where: key, message: `flag "${key}" stays defined in the flag file: ${where}` });
    return;
  }
  for (const source of config.sources) {
    if (source.type !== 'flagd') continue;
    const file = toPosix(path.resolve(config.root, source.path));
    const text = run.after.get(file) ?? run.textOf(file);
    if (text === undefined) {
      run.result.diagnostics.push({ severity: 'warning', where: file, message: 'flagd file not found: no definition removed' });
      continue;
    }
    const edited = removeFlagDefinition(text, key);
    if (edited.error) run.result.errors.push({ kind: 'parse', file, message: `${file}: ${edited.error}` });
    else if (edited.text !== text) run.after.set(file, edited.text);
    else run.result.diagnostics.push({ severity: 'info', where: file, message: `flag "${key}" is not defined in this file` });
  }
}

/** Phase 7, build the changes: one FileChange per file whose text differs, with what the disk held when it was read. */
function buildChanges(run: CleanupRun): void {
  const { result, request } = run;
  for (const [file, edited] of run.after) {
    const before = run.texts.get(file) ?? run.loaded.get(file)?.before;
    if (before === undefined) continue;
    // A byte-order mark belongs to the file, not to the code: it stays whatever the rewrite did at offset 0.
    const text = before.startsWith(BOM) && !edited.startsWith(BOM) ? BOM + edited : edited;
    if (before === text) continue;
    const notUtf8 = run.disk?.notUtf8.get(file);
    if (notUtf8) {
      result.errors.push({ kind: 'read', file, message: `${file}: ${notUtf8}; flagsweep never re-encodes a file: convert it to UTF-8 or remove the flag there by hand` });
      continue;
    }
    const change: FileChange = { file, before, after: text, edits: minimalEdits(before, text), linesRemoved: countLinesRemoved(before, text) };
    const read = run.disk?.snapshots.get(file);
    if (read) change.read = read;
    result.files.push(change);
    result.stats.linesRemoved += change.linesRemoved;
  }
  result.files.sort((a, b) => a.file.localeCompare(b.file));
  result.testsToReview = result.files.flatMap((f) => testPins(f.file, f.before, request.key, result.value));
  result.leftForHuman.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Phase 8, verify: the changed files and their importers gain no diagnostic. */
function verify(run: CleanupRun, projectFiles: readonly string[]): void {
  const { result } = run;
  let verification: ReturnType<typeof verifyChanges>;
  try {
    verification = verifyChanges(result.files, { root: run.request.config.root, projectFiles, textOf: run.textOf, sourceFiles: run.sourceFiles, tsconfigs: run.tsconfigs });
  } catch (e) {
    if (!stackOverflow(e)) throw e;
    result.errors.push({ ...TYPE_CHECK_TOO_DEEP });
    return;
  }
  result.verification = verification;
  for (const d of verification.newDiagnostics) {
    result.errors.push({
      kind: 'verification',
      file: d.file,
      line: d.line,
      column: d.column,
      message: `${toPosix(path.relative(run.request.config.root, d.file))}:${d.line}:${d.column} TS${d.code} ${d.message}`,
    });
  }
}

const noErrors = (run: CleanupRun): boolean => run.result.errors.length === 0;

// TypeScript's parser and checker recurse: code nested thousands deep (generated code, as a rule) overflows the stack.
const TOO_DEEP = "code nested too deep for TypeScript's parser (Maximum call stack size exceeded); exclude generated files in the config";
const TYPE_CHECK_TOO_DEEP: CleanupError = { kind: 'parse', message: `the type check could not run: ${TOO_DEEP}; nothing is written unverified` };

function stackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Runs a rewriting step; a file it cannot rewrite safely becomes an error of the run (its kind says why). */
function rewriting(run: CleanupRun, step: () => void): void {
  try {
    step();
  } catch (e) {
    recordRewriteError(run, e);
  }
}

async function rewritingAsync(run: CleanupRun, phase: () => Promise<void>): Promise<void> {
  try {
    await phase();
  } catch (e) {
    recordRewriteError(run, e);
  }
}

function recordRewriteError(run: CleanupRun, e: unknown): void {
  if (!(e instanceof RewriteError)) throw e;
  run.result.errors.push({ kind: e.kind, file: e.file, line: e.line || undefined, column: e.column || undefined, message: e.message });
}

/** The code default every check writes, when they all write the same literal one. */
function commonDefault(checks: FlagCheck[]): { value: unknown } | undefined {
  if (checks.length === 0) return undefined;
  const first = checks[0];
  if (!('defaultValue' in first) || first.defaultValue === undefined) return undefined;
  const key = JSON.stringify(first.defaultValue);
  if (!checks.every((c) => c.defaultValue !== undefined && JSON.stringify(c.defaultValue) === key)) return undefined;
  return { value: first.defaultValue };
}

export type { CleanupError, Diagnostic, LeftSite, DetectContext };

/**
 * Under the classic JSX transform (`"jsx": "react"`), every JSX tag reads the factory (`React`): its import must stay
 * while the file has JSX, though no identifier names it. The automatic runtime (`react-jsx`) needs no import.
 */
function jsxFactories(tsconfigs: TsconfigFinder, file: string): string[] {
  if (!/\.[jt]sx$/i.test(file)) return [];
  const options = tsconfigs.forFile(file)?.options;
  if (!options || options.jsx !== ts.JsxEmit.React) return [];
  return [options.jsxFactory ?? 'React', options.jsxFragmentFactory ?? 'React'].map((f) => f.split('.')[0]);
}
