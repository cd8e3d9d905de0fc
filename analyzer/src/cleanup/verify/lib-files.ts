import * as path from 'node:path';
import ts = require('typescript');

/**
 * TypeScript's lib .d.ts files sit on disk next to the compiler (`typescript/lib`, or next to a bundle that copies
 * them there, as the extension does), where the default compiler host finds them. What this adds is one parse per
 * process and target, shared by every verification: lib.dom.d.ts alone is 1.5 MB.
 */
const parsed = new Map<string, ts.SourceFile>();

/** The folder of the lib files; throws when they are missing, since every check would then pass for the wrong reason. */
export function libFolder(): string {
  const lib = ts.getDefaultLibFilePath({});
  if (!ts.sys.fileExists(lib)) throw new Error(`TypeScript's lib files are missing (no ${lib}): the type check cannot run`);
  return path.dirname(lib);
}

export function libSourceFile(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
  const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
  let sf = parsed.get(key);
  if (!sf) {
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    sf = ts.createSourceFile(fileName, text, languageVersion, false);
    parsed.set(key, sf);
  }
  return sf;
}
