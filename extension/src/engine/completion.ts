import { compilePatterns, type ResolvedConfig } from '@flagsweep/analyzer';

/**
 * Names of functions whose argument takes a flag key (`useFlag`, `getBooleanValue`, custom patterns), from the
 * same compiled patterns the scanner matches with. Completion offers keys inside their string argument.
 */
export function completionCallNames(config: ResolvedConfig): string[] {
  const patterns = compilePatterns(config);
  return [...patterns.callsByName.entries()].filter(([, ms]) => ms.some((m) => m.kind === 'call')).map(([name]) => name).sort();
}
