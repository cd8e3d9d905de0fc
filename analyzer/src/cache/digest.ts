import { createHash } from 'node:crypto';
import { TOOL_VERSION } from '../tool-version';

/**
 * The digest of a file's text. The scan cache stores it and the session's index compares with it, so that text the
 * cache already saw is known unchanged: both must compute it here.
 */
export function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** A digest of a JSON-like value that does not depend on the order its object keys were written in. */
export function stableDigest(value: unknown): string {
  return createHash('sha256').update(stableText(value)).digest('hex');
}

function stableText(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? String(value);
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (value instanceof Map) return `Map${stableText([...value.entries()])}`;
  if (value instanceof Set) return `Set${stableText([...value.values()])}`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableText(obj[k])}`)
    .join(',')}}`;
}

/** The analyzer's version (its package.json, inlined by bundlers: the CLI bundle and the extension's engine). */
export function toolVersion(): string {
  return TOOL_VERSION;
}
