import type { FlagState } from '../../model';
import { isIsoDay, isIsoTimestamp } from '../dates';

/**
 * Flag metadata keys flagsweep reads from a flagd file (per flag, or for the whole file in the top-level
 * `metadata`, which per-flag values override). Documented in docs/sources.md.
 */
export const FLAGD_METADATA_KEYS = ['owner', 'expires', 'flagType', 'description', 'createdAt', 'constantSince', 'updatedAt', 'tags'] as const;

export type MetadataFields = Pick<FlagState, 'owner' | 'expires' | 'flagType' | 'description' | 'createdAt' | 'constantSince' | 'tags'>;

/** Maps metadata to FlagState fields. A malformed value is reported through `problem` and left out; the flag still loads. */
export function mapFlagdMetadata(
  meta: Record<string, string | number | boolean>,
  problem: (key: string, message: string) => void,
): MetadataFields {
  const out: MetadataFields = {};
  const text = (key: string): string | undefined => {
    const v = meta[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      problem(key, `expected a non-empty string, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return v.trim();
  };
  const owner = text('owner');
  if (owner) out.owner = owner;
  const flagType = text('flagType');
  if (flagType) out.flagType = flagType;
  const description = text('description');
  if (description) out.description = description;
  const expires = text('expires');
  if (expires !== undefined) {
    if (expires === 'never' || isIsoDay(expires)) out.expires = expires;
    else problem('expires', `expected a date YYYY-MM-DD or "never", got ${JSON.stringify(expires)}`);
  }
  for (const [key, field] of [
    ['createdAt', 'createdAt'],
    ['constantSince', 'constantSince'],
    ['updatedAt', 'constantSince'],
  ] as const) {
    const v = text(key);
    if (v === undefined || out[field] !== undefined) continue;
    if (isIsoTimestamp(v)) out[field] = v;
    else problem(key, `expected an ISO date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ), got ${JSON.stringify(v)}`);
  }
  const tags = text('tags');
  if (tags) out.tags = tags.split(',').map((t) => t.trim()).filter(Boolean);
  for (const key of Object.keys(meta)) {
    if (!(FLAGD_METADATA_KEYS as readonly string[]).includes(key) && !FLAGD_OWN_KEYS.has(key)) problem(key, unknownFieldHint(key));
  }
  return out;
}

/** Metadata flagd itself defines (flag-set identity): not ours to read, not worth a warning. */
const FLAGD_OWN_KEYS = new Set(['flagSetId', 'version']);

/** A field flagsweep does not read is named, not dropped silently: usually a near miss of a field it reads. */
const LIKELY_MEANT: Record<string, string> = {
  lastmodified: 'updatedAt', modifiedat: 'updatedAt', updated: 'updatedAt', created: 'createdAt', createddate: 'createdAt', creationdate: 'createdAt',
  expiry: 'expires', expiresat: 'expires', expiration: 'expires', expirationdate: 'expires', expirydate: 'expires', removeby: 'expires',
  type: 'flagType', kind: 'flagType', team: 'owner', owners: 'owner', maintainer: 'owner', desc: 'description', tag: 'tags',
};

function unknownFieldHint(key: string): string {
  const norm = key.toLowerCase().replace(/[-_\s]/g, '');
  const meant = (FLAGD_METADATA_KEYS as readonly string[]).find((k) => k.toLowerCase() === norm) ?? LIKELY_MEANT[norm];
  return meant ? `unknown metadata field; did you mean "${meant}"?` : `unknown metadata field (flagsweep reads ${FLAGD_METADATA_KEYS.join(', ')})`;
}
