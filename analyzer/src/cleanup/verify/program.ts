import ts = require('typescript');
import { libFolder, libSourceFile } from './lib-files';

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
 * The programs of one verification: every file parsed once (a shared cache), the changed files served with their
 * texts before or after the cleanup. A program passed as `old` is reused as TypeScript's `oldProgram`.
 */
export class VerificationPrograms {
  constructor(
    private readonly options: ts.CompilerOptions,
    private readonly texts: Texts,
    /** Parsed unchanged files; pass one map to several instances of the same tsconfig to parse each file once. */
    private readonly shared: Map<string, ts.SourceFile> = new Map(),
  ) {}

  create(roots: readonly string[], side: 'before' | 'after', old?: ts.Program): ts.Program {
    return ts.createProgram({ rootNames: roots, options: this.options, host: hostServing(this.options, this.texts[side], this.shared), oldProgram: old });
  }
}

/**
 * Diagnostics of `files` after the cleanup and, for the files that have any, before it. A file without diagnostics
 * after cannot have gained one, so the program before is built and asked only when some file has (with node_modules
 * installed that is usually none).
 */
export function diagnosticsBeforeAfter(files: readonly string[], after: ts.Program, before: () => ts.Program): { before: ts.Diagnostic[]; after: ts.Diagnostic[] } {
  const suspects = files.filter((f) => diagnosticsOf(after, f).length > 0);
  if (suspects.length === 0) return { before: [], after: [] };
  const program = before();
  return { before: suspects.flatMap((f) => diagnosticsOf(program, f)), after: suspects.flatMap((f) => diagnosticsOf(after, f)) };
}

function diagnosticsOf(program: ts.Program, file: string): readonly ts.Diagnostic[] {
  const sf = program.getSourceFile(file);
  if (!sf) return [];
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
}

/** A compiler host that serves `overrides` for the changed files and one parsed copy of every other file. */
function hostServing(options: ts.CompilerOptions, overrides: ReadonlyMap<string, string>, shared: Map<string, ts.SourceFile>): ts.CompilerHost {
  const base = ts.createCompilerHost(options, false);
  const libs = libFolder();
  return {
    ...base,
    // As tsc does: JSDoc is parsed where it carries types (JS files), not in TypeScript files.
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
    fileExists: (f) => overrides.has(f) || base.fileExists(f),
    readFile: (f) => overrides.get(f) ?? base.readFile(f),
    getSourceFile(fileName, languageVersion, onError, shouldCreateNewSourceFile) {
      const text = overrides.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, false);
      if (fileName.startsWith(`${libs}/`)) return libSourceFile(fileName, languageVersion) ?? base.getSourceFile(fileName, languageVersion, onError);
      let sf = shared.get(fileName);
      if (!sf) {
        sf = base.getSourceFile(fileName, languageVersion, onError, shouldCreateNewSourceFile);
        if (sf) shared.set(fileName, sf);
      }
      return sf;
    },
  };
}
