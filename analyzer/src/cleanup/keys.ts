import { camelCaseKey } from '../lifecycle/keys';
import type { FlagCheck } from '../model';

/** Does this check read the flag `key` (LaunchDarkly React reads `new-checkout` as `newCheckout`)? */
export function checkReadsKey(check: FlagCheck, key: string): boolean {
  if (check.key === null) return false;
  if (check.key === key) return true;
  return check.keyForm === 'camelCase' && (check.key === camelCaseKey(key) || camelCaseKey(check.key) === camelCaseKey(key));
}

/** A read whose key is chosen at run time among a few (`cond ? 'a' : 'b'`) that may be `key`. */
export function checkMayReadKey(check: FlagCheck, key: string): boolean {
  return check.key === null && (check.dynamic?.possibleKeys ?? []).some((k) => checkReadsKey({ ...check, key: k }, key));
}

/** The names a file may use for the flag in text: the key and its camelCase form. */
export function keySpellings(key: string): string[] {
  const camel = camelCaseKey(key);
  return camel === key ? [key] : [key, camel];
}
