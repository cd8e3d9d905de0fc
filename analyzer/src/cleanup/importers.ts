import { ModuleResolver } from '../keys/modules';
import { importedFlagUses, mentionsIdentifier } from './cross-file';
import { cleanupFileText, type FlagExport } from './engine';
import type { MarkerTable } from './markers';
import type { LineWidth } from './print-width';
import type { CleanupResult } from './types';

export interface ImporterPass {
  candidates: readonly string[];
  /** Every project file, for "is this export still used anywhere". */
  universe: readonly string[];
  exportsByFile: Map<string, FlagExport[]>;
  /** Current text of every file changed so far (updated in place). */
  after: Map<string, string>;
  textOf: (file: string) => string | undefined;
  key: string;
  value: unknown;
  markers: MarkerTable;
  patterns: readonly unknown[];
  /** Each file's Prettier line width (see LineWidthFinder). */
  lineWidth?: (file: string) => LineWidth;
  result: CleanupResult;
  loaded: Set<string>;
}

const MAX_CHAIN = 4;

/**
 * Project-wide step after every file was cleaned: exported flag functions/constants that now only return a
 * value are inlined in the modules importing them, and deleted from their module once nothing uses them.
 * Repeats for chains (a module re-wrapping an imported flag function).
 */
export function cleanImportersOfFlagExports(p: ImporterPass): void {
  const current = (f: string) => p.after.get(f) ?? p.textOf(f);
  const modules = new ModuleResolver((f) => current(f));
  let pending = p.exportsByFile;
  for (let round = 0; round < MAX_CHAIN && pending.size > 0; round++) {
    const names = [...pending.values()].flatMap((list) => list.map((e) => e.name));
    const next = new Map<string, FlagExport[]>();
    for (const file of p.candidates) {
      if (pending.has(file)) continue;
      const text = current(file);
      if (text === undefined || !names.some((n) => text.includes(n))) continue;
      const uses = importedFlagUses(file, text, pending, modules, p.key);
      if (uses.length === 0) continue;
      const out = cleanupFileText({
        file,
        text,
        value: p.value,
        findChecks: (t) => (t === text ? uses : importedFlagUses(file, t, pending, modules, p.key)),
        patterns: p.patterns,
        overrideNames: new Set(),
        markers: p.markers,
        lineWidth: p.lineWidth?.(file),
      });
      if (!p.loaded.has(file)) {
        p.loaded.add(file);
        p.result.stats.filesLoaded++;
      }
      p.after.set(file, out.text);
      p.result.leftForHuman.push(...out.left);
      if (out.flagExports.length > 0) next.set(file, out.flagExports);
    }
    for (const [file, list] of pending) {
      const usedIn = (e: FlagExport, text: (f: string) => string | undefined) =>
        p.universe.some((f) => {
          const t = text(f);
          return t !== undefined && mentionsIdentifier(f, t, e.name, f === file);
        });
      // Only exports the project used before go: an export nothing imported may be public API.
      const unused = list.filter((e) => usedIn(e, p.textOf) && !usedIn(e, current));
      if (unused.length === 0) continue;
      const text = current(file)!;
      const out = cleanupFileText({ file, text, value: p.value, findChecks: () => [], removeExports: unused.map((e) => e.name), patterns: p.patterns, overrideNames: new Set(), markers: p.markers, lineWidth: p.lineWidth?.(file) });
      p.after.set(file, out.text);
      const gone = new Set(unused.map((e) => `exported ${e.name} `));
      p.result.leftForHuman = p.result.leftForHuman.filter((s) => s.file !== file || ![...gone].some((g) => s.reason.startsWith(g)));
    }
    pending = next;
  }
}
