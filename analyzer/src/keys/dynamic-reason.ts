import type { FlagCheck } from '../model';

/** Why a read's key is not known, with the keys it picks from when it is one of a few (`cond ? 'a' : 'b'`). */
export function dynamicReason(dynamic: FlagCheck['dynamic'], fallback = 'key is not statically known'): string {
  if (!dynamic) return fallback;
  const keys = dynamic.possibleKeys;
  if (!keys || keys.length === 0) return dynamic.reason;
  return `${dynamic.reason}: one of ${keys.map((k) => `'${k}'`).join(', ')}`;
}
