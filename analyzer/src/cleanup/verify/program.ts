import { ts } from 'ts-morph';
import { libFolder, libSourceFile, libText } from './lib-files';

export interface Texts {
  before: ReadonlyMap<string, string>;
  after: ReadonlyMap<string, string>;
}

/** The project's options, made cheap and side-effect free: no emit, no build info, no checking of .d.ts files. */
export function verificationOptions(options: ts.CompilerOptions, roots: readonly string[]): ts.CompilerOptions {
  return {
    ...options,
    noEmit: true,
    skipLibCheck: true,
    incremental: false,
    composite: false,
    tsBuildInfoFile: undefined,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    sourceMap: false,
    inlineSourceMap: false,
    allowJs: options.allowJs || roots.some((f) => /\.[mc]?jsx?$/i.test(f)),
  };
}

/**
 * Diagnostics of `roots` (syntactic and semantic) in a program whose changed files hold the texts before, then in
 * one holding the texts after. Only `roots` are checked; what they import is parsed and typed as needed. The second
 * program reuses the first (TypeScript's `oldProgram`): unchanged files are not parsed again.
 */
export function diagnosticsBeforeAfter(options: ts.CompilerOptions, roots: readonly string[], texts: Texts): { before: ts.Diagnostic[]; after: ts.Diagnostic[] } {
  const shared = new Map<string, ts.SourceFile>();
  const before = ts.createProgram({ rootNames: roots, options, host: hostServing(options, texts.before, shared) });
  const beforeDiagnostics = diagnosticsOf(before, roots);
  const after = ts.createProgram({ rootNames: roots, options, host: hostServing(options, texts.after, shared), oldProgram: before });
  return { before: beforeDiagnostics, after: diagnosticsOf(after, roots) };
}

function diagnosticsOf(program: ts.Program, roots: readonly string[]): ts.Diagnostic[] {
  const out: ts.Diagnostic[] = [];
  for (const file of roots) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    out.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  return out;
}

/** A compiler host that serves `overrides` for the changed files and one parsed copy of every other file. */
function hostServing(options: ts.CompilerOptions, overrides: ReadonlyMap<string, string>, shared: Map<string, ts.SourceFile>): ts.CompilerHost {
  const base = ts.createCompilerHost(options, true);
  const libs = libFolder();
  return {
    ...base,
    getDefaultLibLocation: () => libs,
    getDefaultLibFileName: (o) => `${libs}/${ts.getDefaultLibFileName(o)}`,
    fileExists: (f) => overrides.has(f) || libText(f) !== undefined || base.fileExists(f),
    readFile: (f) => overrides.get(f) ?? libText(f) ?? base.readFile(f),
    getSourceFile(fileName, languageVersion, onError, shouldCreateNewSourceFile) {
      const text = overrides.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      if (fileName.startsWith(`${libs}/`)) return libSourceFile(fileName, languageVersion);
      let sf = shared.get(fileName);
      if (!sf) {
        sf = base.getSourceFile(fileName, languageVersion, onError, shouldCreateNewSourceFile);
        if (sf) shared.set(fileName, sf);
      }
      return sf;
    },
  };
}
