import { ts } from 'ts-morph';

export function scriptKindFor(file: string): ts.ScriptKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parseSource(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
}

/** Syntax errors of a parsed file (the parser records them on the node; there is no public accessor). */
export function syntaxErrors(sf: ts.SourceFile): ts.DiagnosticWithLocation[] {
  return ((sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? []).slice();
}

export function describeSyntaxError(sf: ts.SourceFile, d: ts.Diagnostic): string {
  const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
  return `${sf.fileName}:${pos.line + 1}:${pos.character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

/**
 * A source file with a binder-level checker for name resolution (which declaration an identifier refers to).
 * One file, no lib, no module resolution: cheap, and enough to follow locals, parameters and imports by name.
 */
export interface BoundFile {
  sf: ts.SourceFile;
  checker: ts.TypeChecker;
}

const bindOptions: ts.CompilerOptions = {
  noLib: true,
  noResolve: true,
  allowJs: true,
  checkJs: false,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  types: [],
  noEmit: true,
};

export function bindSource(file: string, text: string): BoundFile {
  return bindParsed(parseSource(file, text));
}

/** Binds an already parsed file (the same node objects the caller holds). */
export function bindParsed(sf: ts.SourceFile): BoundFile {
  const file = sf.fileName;
  const text = sf.text;
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === file ? sf : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === file,
    readFile: (name) => (name === file ? text : undefined),
  };
  const program = ts.createProgram({ rootNames: [file], options: bindOptions, host });
  return { sf: program.getSourceFile(file) ?? sf, checker: program.getTypeChecker() };
}
