import { camelCaseKey } from '../lifecycle/keys';
import type { FlagCheck } from '../model';

/** Does this check read the flag `key` (LaunchDarkly React reads `new-checkout` as `newCheckout`)? */
export function checkReadsKey(check: FlagCheck, key: string): boolean {
  if (check.key === null) return false;
  if (check.key === key) return true;
  return check.keyForm === 'camelCase' && (check.key === camelCaseKey(key) || camelCaseKey(check.key) === camelCaseKey(key));
}

/** The names a file may use for the flag in text: the key and its camelCase form. */
export function keySpellings(key: string): string[] {
  const camel = camelCaseKey(key);
  return camel === key ? [key] : [key, camel];
}
