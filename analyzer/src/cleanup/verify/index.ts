import * as path from 'node:path';
import ts = require('typescript');
import { parseSource, syntaxErrors } from '../parse';
import type { FileChange, Verification, VerificationDiagnostic } from '../types';
import { newDiagnostics } from './compare';
import { directImporters } from './importers';
import { exportShape } from './export-shape';
import { mentionsAny, namesIn, removedLines } from './removed-names';
import { diagnosticsBeforeAfter, VerificationPrograms, verificationOptions } from './program';
import { TsconfigFinder, type ProjectConfig } from './tsconfig';
import { cacheFor, type SourceFileCache } from './read-types';

export interface VerifyOptions {
  /** The project's root (config.root). */
  root: string;
  /** Files that may import a changed file (the project's source files). */
  projectFiles: readonly string[];
  /** Text of a project file as the cleanup read it. */
  textOf: (file: string) => string | undefined;
  /** Files already parsed by this cleanup (see `typedReads`), per tsconfig. */
  sourceFiles?: SourceFileCache;
  /** The cleanup's tsconfig lookups, shared so each tsconfig is parsed once per cleanup. */
  tsconfigs?: TsconfigFinder;
}

const CODE_FILE = /\.(tsx?|[mc]ts|jsx?|[mc]js)$/i;

export function skippedVerification(): Verification {
  return { mode: 'skipped', tsconfigs: [], newDiagnostics: [], checkedFiles: [], syntaxOnlyFiles: [], durationMs: 0 };
}

/**
 * Checks that the changes add no diagnostic. Files a tsconfig governs are type-checked before and after (in memory),
 * and so are the direct importers of each whose exports changed shape; other changed files are re-parsed. Sets of diagnostics are compared, never required
 * to be empty: a project without node_modules has errors before and after, and only new ones count.
 */
export function verifyChanges(changes: readonly FileChange[], opts: VerifyOptions): Verification {
  const started = performance.now();
  const code = changes.filter((c) => CODE_FILE.test(c.file));
  const finder = opts.tsconfigs ?? new TsconfigFinder();
  const groups = new Map<ProjectConfig, FileChange[]>();
  const syntaxOnly: FileChange[] = [];
  for (const change of code) {
    const config = finder.forFile(change.file);
    if (!config) syntaxOnly.push(change);
    else groups.set(config, [...(groups.get(config) ?? []), change]);
  }

  const found: VerificationDiagnostic[] = [];
  const checked = new Set<string>();
  for (const [config, group] of groups) {
    const changed = group.map((c) => c.file);
    const options = verificationOptions(config.options, changed);
    const programs = new VerificationPrograms(options, {
      before: new Map(group.map((c) => [c.file, c.before])),
      after: new Map(group.map((c) => [c.file, c.after])),
    }, cacheFor(opts.sourceFiles ?? new Map(), config.file));
    // The changed files first, alone: cheap, and their export shapes say which importers can be affected at all.
    const afterChanged = programs.create(changed, 'after');
    const beforeChanged = programs.create(changed, 'before', afterChanged);
    const own = diagnosticsBeforeAfter(changed, afterChanged, () => beforeChanged);
    found.push(...newDiagnostics(own.before, own.after));
    for (const f of changed) checked.add(f);

    const shapes = new Map(changed.map((f) => [f, { before: exportShape(beforeChanged, f), after: exportShape(afterChanged, f) }]));
    const reshaped = changed.filter((f) => shapes.get(f)!.before !== shapes.get(f)!.after);
    if (reshaped.length === 0) continue;
    const resolutionCache = ts.createModuleResolutionCache(path.dirname(config.file), (f) => f, options);
    const resolve = (specifier: string, from: string): string | undefined => {
      const resolved = ts.resolveModuleName(specifier, from, options, ts.sys, resolutionCache).resolvedModule;
      return resolved && resolved.resolvedFileName.replace(/\\/g, '/');
    };
    // The changed files were checked above: one that imports a reshaped one must not be counted twice.
    const changedSet = new Set(changed);
    const others = opts.projectFiles.filter((f) => CODE_FILE.test(f) && !changedSet.has(f));
    // Of a file that only lost exports or members (an enum member, an interface member), an importer that names
    // none of what went cannot gain a diagnostic: only those are checked. Any other change: every importer is.
    const importers = [
      ...new Set(
        reshaped.flatMap((f) => {
          const lost = removedLines(shapes.get(f)!.before, shapes.get(f)!.after);
          const gone = lost && namesIn(lost);
          return directImporters([f], others, opts.textOf, resolve).filter((i) => !gone || mentionsAny(opts.textOf(i) ?? '', gone));
        }),
      ),
    ].sort();
    if (importers.length === 0) continue;
    const roots = [...changed, ...importers];
    const afterAll = programs.create(roots, 'after', afterChanged);
    const theirs = diagnosticsBeforeAfter(importers, afterAll, () => programs.create(roots, 'before', beforeChanged));
    found.push(...newDiagnostics(theirs.before, theirs.after));
    for (const f of importers) checked.add(f);
  }
  for (const change of syntaxOnly) {
    found.push(...newDiagnostics(syntaxErrors(parseSource(change.file, change.before)), syntaxErrors(parseSource(change.file, change.after))));
    checked.add(change.file);
  }

  const typed = groups.size > 0;
  return {
    mode: typed ? 'types' : 'syntax',
    tsconfigs: [...groups.keys()].map((c) => c.file),
    newDiagnostics: found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column),
    checkedFiles: [...checked].sort(),
    syntaxOnlyFiles: syntaxOnly.map((c) => c.file),
    durationMs: Math.round(performance.now() - started),
  };
}
