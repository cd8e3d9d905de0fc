import * as path from 'node:path';
import { ts } from 'ts-morph';

/**
 * Files of `universe` that import one of `changed` directly. A cheap text test (the file names the changed module's
 * base name or, for an index module, its folder) comes first; only then are imports read and resolved.
 */
export function directImporters(
  changed: readonly string[],
  universe: readonly string[],
  textOf: (file: string) => string | undefined,
  resolve: (specifier: string, fromFile: string) => string | undefined,
): string[] {
  const targets = new Set(changed);
  const stems = [...new Set(changed.map(moduleStem))];
  const importers: string[] = [];
  for (const file of universe) {
    if (targets.has(file)) continue;
    const text = textOf(file);
    if (text === undefined || !stems.some((s) => text.includes(s))) continue;
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    const relevant = specifiers.filter((s) => s === '.' || s === '..' || s.endsWith('/') || stems.some((stem) => s.includes(stem)));
    if (relevant.some((s) => {
      const target = resolve(s, file);
      return target !== undefined && targets.has(target);
    })) importers.push(file);
  }
  return importers;
}

/** The name an import of the module must contain: `Button` for Button.tsx, `menu` for menu/index.ts. */
function moduleStem(file: string): string {
  const base = path.posix.basename(file).replace(/\.[^.]+$/, '').replace(/\.d$/, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
}
