import { buildRecords, sourceLabel, type FlagRecord, type FlagState } from '@flagsweep/analyzer';
import type { FileFacts } from './file-facts';
import { projectAnnotations } from './project-annotations';

const recordsByFacts = new WeakMap<FileFacts, Map<number, Map<string, FlagRecord>>>();

/**
 * The core's flag records (lifecycle/records.ts) for the keys this file reads or declares: status, days to expiry,
 * owner, type and winner decided by the same join `flagsweep check` makes, never re-derived here. Built once per
 * file (and per expiry window, which flag-expiring-soon's option may change) and shared by every rule.
 */
export function fileRecords(facts: FileFacts, warnBeforeExpiryDays?: number): ReadonlyMap<string, FlagRecord> {
  const project = facts.project;
  if (!project || !facts.today) return new Map();
  const lifecycle = { ...project.config.lifecycle, ...(warnBeforeExpiryDays !== undefined ? { warnBeforeExpiryDays } : {}) };
  let byWindow = recordsByFacts.get(facts);
  if (!byWindow) recordsByFacts.set(facts, (byWindow = new Map()));
  const hit = byWindow.get(lifecycle.warnBeforeExpiryDays);
  if (hit) return hit;
  const flags = project.flags;
  const keys = new Set<string>();
  for (const c of facts.checks) if (c.key !== null) keys.add(flags.canonical(c.key, c.keyForm));
  for (const d of facts.declarations) keys.add(flags.canonical(d.key));
  for (const a of facts.annotations) if (a.key !== undefined) keys.add(flags.canonical(a.key));
  const elsewhere = projectAnnotations(project.config);
  const states = new Map<string, FlagState>();
  for (const key of keys) {
    const state = flags.byKey.get(key);
    if (state) states.set(key, state);
  }
  const records = buildRecords({
    checks: facts.checks,
    declarations: facts.declarations,
    annotations: [...facts.annotations, ...[...keys].flatMap((k) => elsewhere.get(k) ?? [])],
    states,
    lifecycle,
    now: facts.today,
    sourceLabel: sourceLabel(project.config),
  });
  const byKey = new Map(records.map((r) => [r.key, r]));
  byWindow.set(lifecycle.warnBeforeExpiryDays, byKey);
  return byKey;
}

/** The record of a key as written in code (a camelCase member name maps back to the source's key). */
export function recordOf(facts: FileFacts, key: string, keyForm?: 'as-is' | 'camelCase', warnBeforeExpiryDays?: number): FlagRecord | undefined {
  const canonical = facts.project ? facts.project.flags.canonical(key, keyForm) : key;
  return fileRecords(facts, warnBeforeExpiryDays).get(canonical);
}
