import * as path from 'node:path';
import { ts } from 'ts-morph';

/**
 * The TypeScript bundled in ts-morph ships its lib .d.ts files in memory (in @ts-morph/common), not on disk: a plain
 * compiler host finds no lib.d.ts, every global type is missing and checks are all `any`. These serve them.
 */
interface LibCommon {
  getLibFiles(): { fileName: string; text: string }[];
  libFolderInMemoryPath: string;
}

let common: LibCommon | undefined;
let texts: Map<string, string> | undefined;
const parsed = new Map<string, ts.SourceFile>();

function load(): { folder: string; texts: Map<string, string> } {
  // Resolved next to ts-morph, whose dependency it is: the same version as the bundled compiler.
  common ??= require(require.resolve('@ts-morph/common', { paths: [path.dirname(require.resolve('ts-morph'))] })) as LibCommon;
  texts ??= new Map(common.getLibFiles().map((f) => [`${common!.libFolderInMemoryPath}/${f.fileName}`, f.text]));
  return { folder: common.libFolderInMemoryPath, texts };
}

export function libFolder(): string {
  return load().folder;
}

export function libText(fileName: string): string | undefined {
  return load().texts.get(fileName);
}

/** Parsed once per process and target: lib.dom.d.ts alone is 1.5 MB. */
export function libSourceFile(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
  const text = libText(fileName);
  if (text === undefined) return undefined;
  const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
  let sf = parsed.get(key);
  if (!sf) {
    sf = ts.createSourceFile(fileName, text, languageVersion, false);
    parsed.set(key, sf);
  }
  return sf;
}
