import * as path from 'node:path';

/** Module specifiers of imports, re-exports, dynamic imports and require calls (a fast scan; comments may add a few extra). */
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]+)\1/g;

/**
 * Files of `universe` that import one of `changed` directly. Each file's specifiers are scanned once; only those
 * whose last segment names a changed module (its base name, or its folder for an index module) are resolved.
 */
export function directImporters(
  changed: readonly string[],
  universe: readonly string[],
  textOf: (file: string) => string | undefined,
  resolve: (specifier: string, fromFile: string) => string | undefined,
): string[] {
  const targets = new Set(changed);
  const stems = new Set(changed.map(moduleStem));
  // A relative specifier names a changed module only if its path, without extension, is one of these: no file-system lookup needed to rule it out.
  const extensionless = new Set(changed.flatMap((f) => [f.replace(/\.[^./]+$/, ''), f.replace(/\/index\.[^./]+$/, '')]));
  const importers: string[] = [];
  for (const file of universe) {
    if (targets.has(file)) continue;
    const text = textOf(file);
    if (text === undefined) continue;
    for (const m of text.matchAll(SPECIFIER)) {
      const specifier = m[2];
      if (!mayName(specifier, stems)) continue;
      if (specifier.startsWith('.') && !extensionless.has(path.posix.join(path.posix.dirname(file), specifier).replace(/\.[^./]+$/, '').replace(/\/$/, ''))) continue;
      const target = resolve(specifier, file);
      if (target !== undefined && targets.has(target)) {
        importers.push(file);
        break;
      }
    }
  }
  return importers;
}

function mayName(specifier: string, stems: ReadonlySet<string>): boolean {
  if (specifier === '.' || specifier === '..' || specifier.endsWith('/')) return true;
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  return stems.has(last) || stems.has(last.replace(/\.[^.]+$/, ''));
}

/** The last segment an import of the module ends with: `Button` for Button.tsx, `menu` for menu/index.ts. */
function moduleStem(file: string): string {
  const base = path.posix.basename(file).replace(/\.[^.]+$/, '').replace(/\.d$/, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
}
