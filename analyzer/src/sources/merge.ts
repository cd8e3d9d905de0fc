import type { ResolvedConfig } from '../config';
import type { Diagnostic, FlagState } from '../model';
import { createSource } from './registry';
import type { FlagSource, SourceLoadOptions, SourceSnapshot } from './types';

/** Fields that describe the flag rather than its live state: filled from the first source (config order) that has them. */
const METADATA_FIELDS = ['description', 'owner', 'expires', 'flagType', 'createdAt', 'constantSince', 'tags'] as const;

export interface LoadedFlagStates {
  states: Map<string, FlagState>;
  snapshots: SourceSnapshot[];
  diagnostics: Diagnostic[];
}

/**
 * Loads every configured source (in parallel) and merges their states per flag key.
 *
 * Merge rule (docs/sources.md): the live state (exists, enabled, variants, winner, targeting, vendor markers, asOf)
 * comes from the LAST source in config order that knows the flag; each metadata field (owner, expires, flagType,
 * description, createdAt, constantSince, tags) comes from the FIRST source that sets it, except that an expiry
 * estimated from a vendor's flag-type lifetime yields to an expiry written anywhere.
 */
export async function loadFlagStates(config: ResolvedConfig, opts: SourceLoadOptions, sources?: FlagSource[]): Promise<LoadedFlagStates> {
  const list = sources ?? config.sources.map((cfg) => createSource(cfg, config.root));
  const snapshots = await Promise.all(list.map((s) => s.load(opts)));
  return { states: mergeSnapshots(snapshots), snapshots, diagnostics: snapshots.flatMap((s) => s.diagnostics) };
}

/**
 * loadFlagStates without the network and without waiting: flag files plus the remote sources' disk caches
 * (what `--offline` gives). For synchronous callers such as ESLint rules.
 */
export function loadFlagStatesSync(config: ResolvedConfig, opts: Pick<SourceLoadOptions, 'readFile' | 'environment'> = {}): LoadedFlagStates {
  const snapshots = config.sources.map((cfg) => createSource(cfg, config.root).loadOfflineSync(opts));
  return { states: mergeSnapshots(snapshots), snapshots, diagnostics: snapshots.flatMap((s) => s.diagnostics) };
}

export function mergeSnapshots(snapshots: SourceSnapshot[]): Map<string, FlagState> {
  // Every source's view of each key, in config order.
  const views = new Map<string, FlagState[]>();
  for (const snapshot of snapshots) {
    for (const state of snapshot.states) {
      const list = views.get(state.key);
      if (list) list.push(state);
      else views.set(state.key, [state]);
    }
  }
  const merged = new Map<string, FlagState>();
  for (const [key, list] of views) {
    const out: FlagState = { ...list[list.length - 1] };
    for (const field of METADATA_FIELDS) {
      const from = list.find((s) => s[field] !== undefined && !(field === 'expires' && s.expiresEstimate));
      if (from) Object.assign(out, { [field]: from[field] });
      else delete out[field];
    }
    delete out.expiresEstimate;
    if (out.expires === undefined) {
      const estimated = list.find((s) => s.expiresEstimate);
      if (estimated) Object.assign(out, { expires: estimated.expires, expiresEstimate: estimated.expiresEstimate });
    }
    merged.set(key, out);
  }
  return merged;
}
