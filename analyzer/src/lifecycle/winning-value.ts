import type { FlagRecord } from '../model';

/**
 * The single value the flag evaluates to everywhere, if there is one: the served value, or for a disabled or
 * missing flag the code default when every check writes the same literal default.
 */
export function winningValue(r: FlagRecord): unknown {
  if (r.winner.kind === 'value') return r.winner.value;
  if (r.winner.kind === 'none') return undefined;
  const defaults = new Set(r.usages.map((u) => JSON.stringify(u.defaultValue)));
  if (defaults.size !== 1 || r.usages[0]?.defaultValue === undefined) return undefined;
  return r.usages[0].defaultValue;
}
