import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDetectContext, detectFile, listSourceFiles, type DetectContext } from '../detect';
import type { Diagnostic, FlagCheck, KeyDeclaration } from '../model';
import { removeFlagDefinition } from './definition';
import { countLinesRemoved, minimalEdits } from './edits';
import { RewriteError, cleanupFileText, type FlagExport } from './engine';
import { cleanImportersOfFlagExports } from './importers';
import { declaredName, findKeyConstants, isExportedDeclaration, removeUnusedKeyDeclarations } from './key-declarations';
import { checkReadsKey, keySpellings } from './keys';
import { MarkerTable } from './markers';
import type { CleanupError, CleanupRequest, CleanupResult, FileChange, LeftSite } from './types';

function readFromDisk(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const toPosix = (p: string): string => p.replace(/\\/g, '/');

interface Loaded {
  file: string;
  before: string;
  checks: FlagCheck[];
}

/**
 * Cleans one flag out of the code: returns the edits per file and what is left for a person. Never writes.
 * Only files whose text mentions the flag (its key, camelCase key, or a constant holding it) are parsed.
 */
export async function cleanupFlag(request: CleanupRequest): Promise<CleanupResult> {
  const started = performance.now();
  const { config, key, scope } = request;
  const readFile = request.readFile ?? readFromDisk;
  const detect = createDetectContext(config, { readFile });
  const result: CleanupResult = {
    key,
    value: request.value,
    files: [],
    leftForHuman: [],
    errors: [],
    diagnostics: [],
    stats: { filesScanned: 0, filesLoaded: 0, checksFound: 0, checksCleaned: 0, linesRemoved: 0, durationMs: 0 },
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
  const spellings = keySpellings(key);
  const loaded = new Map<string, Loaded>();
  const declarations = new Map<string, KeyDeclaration>();
  const load = (file: string): void => {
    if (loaded.has(file)) return;
    const text = textOf(file);
    if (text === undefined) {
      result.errors.push({ kind: 'read', file, message: `${file}: cannot read file` });
      return;
    }
    const detection = detectFile(file, text, detect);
    for (const d of detection.diagnostics) if (d.severity === 'error') result.diagnostics.push(d);
    const checks = detection.checks.filter((c) => checkReadsKey(c, key));
    for (const d of detection.declarations) if (d.key === key) declarations.set(`${d.file}\0${declaredName(d)}`, d);
    for (const d of findKeyConstants(file, text, key)) if (!declarations.has(`${d.file}\0${d.name}`)) declarations.set(`${d.file}\0${d.name}`, d);
    loaded.set(file, { file, before: text, checks });
  };

  // Files mentioning the key, then files mentioning a constant that holds it. Constants are looked for in the
  // whole project (a constants module may lie outside `paths`), but only files inside the scope are loaded.
  if (scope.kind !== 'project') {
    for (const file of candidates) load(file);
  } else {
    for (const file of candidates) {
      const text = textOf(file);
      if (text !== undefined && spellings.some((s) => text.includes(s))) load(file);
    }
    const inScope = new Set(candidates);
    if (scope.paths && scope.paths.length > 0) {
      for (const file of await universe()) {
        const text = inScope.has(file) ? undefined : textOf(file);
        if (text !== undefined && spellings.some((s) => text.includes(s))) for (const d of findKeyConstants(file, text, key)) declarations.set(`${d.file}\0${d.name}`, d);
      }
    }
    const names = new Set([...declarations.values()].map(declaredName));
    if (names.size > 0) for (const file of candidates) if (!loaded.has(file) && [...names].some((n) => textOf(file)!.includes(n))) load(file);
  }
  result.stats.filesLoaded = loaded.size;
  const allChecks = [...loaded.values()].flatMap((l) => l.checks);
  result.stats.checksFound = allChecks.length;

  let value = request.value;
  if (value === undefined) {
    const common = commonDefault(allChecks);
    if (!common) {
      result.errors.push({
        kind: 'needs-value',
        message: `flag "${key}" has no single value to keep: ${allChecks.length === 0 ? 'no check of it was found' : 'its checks do not all write the same literal default'}; pass --value`,
      });
      return finish(result, started);
    }
    value = common.value;
    result.value = value;
  }

  const markers = new MarkerTable();
  const after = new Map<string, string>();
  const exportsByFile = new Map<string, FlagExport[]>();
  const overrideNames = scope.kind === 'site' ? new Set<string>() : new Set(spellings);
  for (const l of loaded.values()) {
    try {
      const siteOffset = scope.kind === 'site' ? scope.offset : undefined;
      const out = cleanupFileText({
        file: l.file,
        text: l.before,
        value,
        findChecks: (text) => (text === l.before ? l.checks : detectFile(l.file, text, detect).checks.filter((c) => checkReadsKey(c, key))),
        patterns: config.patterns,
        overrideNames,
        siteOffset,
        markers,
      });
      after.set(l.file, out.text);
      if (out.flagExports.length > 0) exportsByFile.set(l.file, out.flagExports);
      result.stats.checksCleaned += out.substituted;
      result.leftForHuman.push(...out.left);
    } catch (e) {
      if (!(e instanceof RewriteError)) throw e;
      result.errors.push({ kind: e.line === 0 ? 'parse' : 'rewrite', file: e.file, line: e.line || undefined, column: e.column || undefined, message: e.message });
    }
  }

  if (scope.kind === 'project' && result.errors.length === 0 && exportsByFile.size > 0) {
    try {
      cleanImportersOfFlagExports({ candidates, universe: await universe(), exportsByFile, after, textOf, key, value, markers, patterns: config.patterns, result, loaded: new Set(loaded.keys()) });
    } catch (e) {
      if (!(e instanceof RewriteError)) throw e;
      result.errors.push({ kind: 'rewrite', file: e.file, line: e.line, column: e.column, message: e.message });
    }
  }

  if (scope.kind !== 'site' && result.errors.length === 0) {
    try {
      // Outside a whole-project run only the cleaned file's own, unexported constants may go.
      const inScope = new Set(candidates);
      const removable = [...declarations.values()].filter(
        (d) => inScope.has(d.file) && (scope.kind === 'project' || !isExportedDeclaration(after.get(d.file) ?? textOf(d.file), d)),
      );
      removeUnusedKeyDeclarations(removable, after, textOf, await universe());
    } catch (e) {
      if (!(e instanceof RewriteError)) throw e;
      result.errors.push({ kind: 'rewrite', file: e.file, line: e.line, column: e.column, message: e.message });
    }
  }

  if (request.removeDefinition) {
    for (const source of config.sources) {
      if (source.type !== 'flagd') continue;
      const file = toPosix(path.resolve(config.root, source.path));
      const text = after.get(file) ?? textOf(file);
      if (text === undefined) {
        result.diagnostics.push({ severity: 'warning', where: file, message: 'flagd file not found: no definition removed' });
        continue;
      }
      const edited = removeFlagDefinition(text, key);
      if (edited.error) result.errors.push({ kind: 'parse', file, message: `${file}: ${edited.error}` });
      else if (edited.text !== text) {
        texts.set(file, text);
        after.set(file, edited.text);
      } else result.diagnostics.push({ severity: 'info', where: file, message: `flag "${key}" is not defined in this file` });
    }
  }

  for (const [file, text] of after) {
    const before = texts.get(file) ?? loaded.get(file)?.before;
    if (before === undefined || before === text) continue;
    const change: FileChange = { file, before, after: text, edits: minimalEdits(before, text), linesRemoved: countLinesRemoved(before, text) };
    result.files.push(change);
    result.stats.linesRemoved += change.linesRemoved;
  }
  result.files.sort((a, b) => a.file.localeCompare(b.file));
  result.leftForHuman.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return finish(result, started);
}

function finish(result: CleanupResult, started: number): CleanupResult {
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
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
