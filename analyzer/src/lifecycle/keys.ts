/** `new-checkout` → `newCheckout`, the form LaunchDarkly's React SDK exposes flags under. */
export function camelCaseKey(key: string): string {
  return key.replace(/[-_. ]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Returns a function mapping a key as written in code to the source's key: a camelCase member name
 * (`newCheckout`) maps to the one source key whose camelCase form it is (`new-checkout`).
 */
export function canonicalKeys(sourceKeys: Iterable<string>): (key: string, form?: 'as-is' | 'camelCase') => string {
  const byCamel = new Map<string, string>();
  for (const k of sourceKeys) if (!byCamel.has(camelCaseKey(k))) byCamel.set(camelCaseKey(k), k);
  return (key, form) => (form === 'camelCase' ? (byCamel.get(key) ?? key) : key);
}
