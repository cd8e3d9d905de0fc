import type { ResolvedConfig } from '../../config/load';
import type { Diagnostic } from '../../model';
import { loadFlagStates } from '../../sources';
import { formatJsonPath } from '../../sources/json-text';
import { UsageError } from '../options';

/**
 * `--value` text → the flag value: JSON first (`0.1` a number, `"on"` a string, `true`, `{"a":1}`, `null`), the raw
 * text when it is not JSON (`--value treatment`). Text that looks like JSON but is broken is a usage error.
 */
export function parseValueOption(text: string): unknown {
  const t = text.trim();
  try {
    return JSON.parse(t);
  } catch (e) {
    if (/^[[{"]/.test(t)) throw new UsageError(`--value: not valid JSON (${(e as Error).message})`);
    return text;
  }
}

/** Where the value to keep comes from, when no --value was given. */
export type SourceValue =
  | { kind: 'value'; value: unknown; source: string }
  /** The flag is defined but disabled: every evaluation returns the code's default. */
  | { kind: 'code-default'; source: string }
  /** No healthy source defines the flag. */
  | { kind: 'absent'; sources: string[] };

/**
 * The flag's single winning value from the configured sources, trusting only healthy ones: a source that failed to
 * load or parse, or that skipped this flag for an error, is a UsageError naming the problem (never "absent": taking
 * the code default then would delete a live feature).
 */
export async function valueFromSources(config: ResolvedConfig, key: string, opts: { offline?: boolean; sourceEnv?: string }): Promise<SourceValue> {
  const loaded = await loadFlagStates(config, { env: process.env, offline: opts.offline, environment: opts.sourceEnv });
  for (const snapshot of loaded.snapshots) {
    if (snapshot.health === 'error' || snapshot.health === 'offline') {
      const problem = snapshot.diagnostics.find((d) => d.severity === 'error') ?? snapshot.diagnostics[0];
      throw new UsageError(`the flag source ${snapshot.id} cannot be trusted${problem ? `: ${describe(problem)}` : ` (${snapshot.health})`}; fix it, or pass --value`);
    }
    const aboutKey = snapshot.diagnostics.find((d) => d.severity === 'error' && concernsKey(d, key));
    if (aboutKey) throw new UsageError(`the flag source ${snapshot.id} has an error in flag "${key}": ${describe(aboutKey)}; fix it, or pass --value`);
  }
  const state = loaded.states.get(key);
  if (!state || !state.exists) return { kind: 'absent', sources: loaded.snapshots.map((s) => s.id) };
  if (state.winner.kind === 'value') return { kind: 'value', value: state.winner.value, source: state.source };
  if (state.winner.kind === 'code-default') return { kind: 'code-default', source: state.source };
  throw new UsageError(`flag "${key}" has no single winning value (${state.winner.reason}); pass --value`);
}

/** A source diagnostic about this flag: at its JSON path (flagd), or naming it as skipped. */
function concernsKey(d: Diagnostic, key: string): boolean {
  const at = formatJsonPath(['flags', key]);
  const m = d.message;
  return (m.startsWith(at) && /^[.[:\s]/.test(m.slice(at.length))) || m.includes(`flag "${key}" skipped`) || m.includes(`"${key}" is defined twice`);
}

function describe(d: Diagnostic): string {
  const where = d.line ? `${d.where}:${d.line}:${d.column ?? 1}` : d.where;
  return `${where}: ${d.message}`;
}
