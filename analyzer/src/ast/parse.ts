import ts = require('typescript');

const KIND_BY_EXTENSION: Record<string, ts.ScriptKind> = {
  ts: ts.ScriptKind.TS,
  mts: ts.ScriptKind.TS,
  cts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  cjs: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

/** The script kind for a file name; `.js` files are parsed as JS (which accepts JSX, as TypeScript does for .js). */
export function scriptKindFor(file: string): ts.ScriptKind {
  const ext = /\.([cm]?[jt]sx?)$/i.exec(file)?.[1]?.toLowerCase();
  return (ext ? KIND_BY_EXTENSION[ext] : undefined) ?? ts.ScriptKind.TS;
}

export interface ParseOptions {
  /** Parent pointers (default true). Detection sets them itself, only in files with a match. */
  setParents?: boolean;
  /** Parse JSDoc into nodes (default false: detection reads flag annotations from comment text; cleanup edits tags). */
  jsDoc?: boolean;
}

/** Parses one file without binding or type checking. */
export function parseSource(file: string, text: string, options: ParseOptions = {}): ts.SourceFile {
  const jsDocParsingMode = options.jsDoc ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone;
  return ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode }, options.setParents ?? true, scriptKindFor(file));
}

/** Syntax errors the parser recorded on the file (there is no public accessor; no semantic errors: no checker). */
export function syntaxErrors(sf: ts.SourceFile): ts.DiagnosticWithLocation[] {
  return ((sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? []).slice();
}

/** `file:line:column: message` of one diagnostic, 1-based. */
export function describeSyntaxError(sf: ts.SourceFile, d: ts.Diagnostic): string {
  const pos = sf.getLineAndCharacterOfPosition(d.start ?? 0);
  return `${sf.fileName}:${pos.line + 1}:${pos.character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}
