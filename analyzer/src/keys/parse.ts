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

/**
 * Parses without binding or type checking; JSDoc is not parsed (flag annotations are read from comment text).
 * `setParents: false` leaves parent pointers to the caller (detection sets them only in files with a match).
 */
export function parseSource(file: string, text: string, setParents = true): ts.SourceFile {
  return ts.createSourceFile(
    file,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    setParents,
    scriptKindFor(file),
  );
}

/** Syntax errors the parser recorded (not semantic ones: there is no checker). */
export function parseErrors(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}
