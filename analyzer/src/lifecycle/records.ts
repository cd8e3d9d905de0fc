import type { LifecyclePolicy } from '../config/schema';
import type { FlagAnnotation, FlagCheck, FlagRecord, FlagState, KeyDeclaration, Winner } from '../model';
import { canonicalKeys } from './keys';
import { decideStatus } from './status';

export interface BuildRecordsInput {
  /** Every check the scanner found; a dynamic one (key null) counts only for the keys it may read (`possibleKeys`). */
  checks: readonly FlagCheck[];
  declarations?: readonly KeyDeclaration[];
  /** Stand-alone annotations carrying `@flag <key>` (e.g. in a flag registry module). */
  annotations?: readonly FlagAnnotation[];
  /** Merged source states by key. */
  states: ReadonlyMap<string, FlagState>;
  lifecycle: LifecyclePolicy;
  /** Today, as a UTC day. */
  now: Date;
  /** Name of the flag source(s) for reasons, e.g. "flags.flagd.json". */
  sourceLabel?: string;
}

/**
 * Joins checks, annotations and source states into one record per flag key, each with a status and a reason.
 * Pure: the same input always gives the same records, sorted by key.
 */
export function buildRecords(input: BuildRecordsInput): FlagRecord[] {
  const toCanonical = canonicalKeys(input.states.keys());
  const usages = groupBy(
    input.checks.filter((c) => c.key !== null),
    (c) => toCanonical(c.key as string, c.keyForm),
  );
  const possible = groupBy(
    input.checks.flatMap((check) => [...new Set((check.dynamic?.possibleKeys ?? []).map((k) => toCanonical(k, check.keyForm)))].map((key) => ({ key, check }))),
    (p) => p.key,
  );
  const declarations = groupBy(input.declarations ?? [], (d) => toCanonical(d.key));
  const registered = groupBy(
    (input.annotations ?? []).filter((a) => a.key),
    (a) => toCanonical(a.key as string),
  );
  const keys = new Set([...usages.keys(), ...possible.keys(), ...declarations.keys(), ...registered.keys(), ...input.states.keys()]);

  return [...keys].sort().map((key) => {
    const checks = (usages.get(key) ?? []).map((c) => (c.key === key ? c : { ...c, key }));
    const possibleReads = (possible.get(key) ?? []).map((p) => p.check);
    const decls = declarations.get(key) ?? [];
    const state = input.states.get(key);
    const meta = mergeMetadata([...checks.map((c) => c.annotation), ...decls.map((d) => d.annotation), ...(registered.get(key) ?? [])], state);
    const winner = recordWinner(state);
    const verdict = decideStatus({
      key,
      usages: checks,
      possibleReads,
      declarations: decls,
      state,
      expires: meta.expires,
      winner,
      lifecycle: input.lifecycle,
      now: input.now,
      sourceLabel: input.sourceLabel ?? 'the flag source',
    });
    const record: FlagRecord = {
      key,
      status: verdict.status,
      reason: verdict.reason,
      usages: checks,
      declarations: decls,
      winner,
      ...meta,
    };
    if (possibleReads.length > 0) record.possibleReads = possibleReads;
    if (state) record.state = state;
    if (verdict.daysToExpiry !== undefined) record.daysToExpiry = verdict.daysToExpiry;
    return record;
  });
}

/** A flag the source doesn't know evaluates to the code default, like a disabled one. */
function recordWinner(state: FlagState | undefined): Winner {
  if (!state || !state.exists || state.archived) return { kind: 'code-default' };
  return state.winner;
}

interface Metadata {
  expires?: string;
  owner?: string;
  flagType?: string;
  description?: string;
}

/** Code annotations win over source metadata: they sit next to the code that has to change. */
function mergeMetadata(annotations: (FlagAnnotation | undefined)[], state: FlagState | undefined): Metadata {
  const out: Metadata = {};
  const fields = ['expires', 'owner', 'flagType', 'description'] as const;
  for (const field of fields) {
    const fromCode = annotations.find((a) => a?.[field] !== undefined)?.[field];
    const value = fromCode ?? state?.[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}
