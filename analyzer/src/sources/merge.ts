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

export function mergeSnapshots(snapshots: SourceSnapshot[]): Map<string, FlagState> {
  const live = new Map<string, FlagState>();
  for (const snapshot of snapshots) for (const state of snapshot.states) live.set(state.key, state);
  const merged = new Map<string, FlagState>();
  for (const [key, state] of live) {
    const out: FlagState = { ...state };
    for (const field of METADATA_FIELDS) delete out[field];
    delete out.expiresEstimate;
    for (const snapshot of snapshots) {
      const other = snapshot.states.find((s) => s.key === key);
      if (!other) continue;
      for (const field of METADATA_FIELDS) if (out[field] === undefined && other[field] !== undefined) Object.assign(out, { [field]: other[field] });
    }
    const written = snapshots.flatMap((s) => s.states.filter((s2) => s2.key === key && s2.expires !== undefined && !s2.expiresEstimate));
    const estimated = snapshots.flatMap((s) => s.states.filter((s2) => s2.key === key && s2.expiresEstimate));
    if (written.length > 0) out.expires = written[0].expires;
    else if (estimated.length > 0) {
      out.expires = estimated[0].expires;
      out.expiresEstimate = estimated[0].expiresEstimate;
    }
    merged.set(key, out);
  }
  return merged;
}
