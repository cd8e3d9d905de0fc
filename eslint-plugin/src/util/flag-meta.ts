import type { FlagAnnotation, FlagCheck, FlagState } from '@flagsweep/analyzer';
import type { FileFacts } from './file-facts';
import { projectAnnotations } from './project-annotations';

export interface FlagMeta {
  /** The key as the flag source knows it (camelCase member names mapped back). */
  key: string;
  state?: FlagState;
  expires?: string;
  owner?: string;
  flagType?: string;
  /** Where `expires` came from, for messages. */
  expiresFrom?: 'annotation' | 'flag file';
}

/**
 * Joins what is known about a key, like the core's flag records do: the check's own annotation (on the using
 * statement or on the key's declaration, also in another file), annotations in this file, annotations of the key
 * anywhere in the project, then the flag file. Code annotations win: they sit next to the code that has to change.
 */
export function flagMeta(facts: FileFacts, rawKey: string, check?: FlagCheck): FlagMeta {
  const flags = facts.project?.flags;
  const key = flags ? flags.canonical(rawKey, check?.keyForm) : rawKey;
  const state = flags?.byKey.get(key);
  const annotations: (FlagAnnotation | undefined)[] = [check?.annotation];
  for (const d of facts.declarations) if (d.key === key || d.key === rawKey) annotations.push(d.annotation);
  for (const a of facts.annotations) if (a.key === key || a.key === rawKey) annotations.push(a);
  if (facts.project) annotations.push(...(projectAnnotations(facts.project.config).get(key) ?? []));
  const meta: FlagMeta = { key };
  if (state) meta.state = state;
  for (const field of ['expires', 'owner', 'flagType'] as const) {
    const fromCode = annotations.find((a) => a?.[field] !== undefined)?.[field];
    const value = fromCode ?? state?.[field];
    if (value === undefined) continue;
    meta[field] = value;
    if (field === 'expires') meta.expiresFrom = fromCode !== undefined ? 'annotation' : 'flag file';
  }
  return meta;
}
