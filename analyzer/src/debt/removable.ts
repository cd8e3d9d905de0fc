import { readTextFile } from '../fs/read';
import type { ResolvedConfig } from '../config/load';
import type { FlagRecord } from '../model';

/**
 * Lines a cleanup of a flag to its winning value would remove, from a dry run of the cleanup engine limited to
 * the files that read or declare the flag. Undefined when the cleanup reports errors (it would not write anything either).
 * Files are read once and shared between flags.
 */
export function cleanupDryRunLines(config: ResolvedConfig): (record: FlagRecord, value: unknown) => Promise<number | undefined> {
  const cache = new Map<string, string | undefined>();
  const readFile = (file: string): string | undefined => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readTextFile(file));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
  return async (record, value) => {
    // The files declaring the key (a constants module) too: the engine resolves keys and removes dead constants there.
    const paths = [...new Set([...record.usages.map((u) => u.file), ...record.declarations.map((d) => d.file)])];
    if (paths.length === 0) return undefined;
    // Loaded on first use: the engine brings TypeScript (~0.4 s), which commands without a dry run never need.
    const { cleanupFlag } = require('../cleanup') as typeof import('../cleanup');
    const result = await cleanupFlag({ config, key: record.key, value, scope: { kind: 'project', paths }, readFile });
    return result.errors.length > 0 ? undefined : result.stats.linesRemoved;
  };
}
