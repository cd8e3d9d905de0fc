import ts = require('typescript');
import { parseSource as parseAst } from '../ast';

/** The cleanup engine's parse: parents set, JSDoc parsed (tags that name a cleaned flag are edited). */
export function parseSource(file: string, text: string): ts.SourceFile {
  return parseAst(file, text, { jsDoc: true });
}

export { describeSyntaxError, syntaxErrors } from '../ast';

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
