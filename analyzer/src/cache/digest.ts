import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../package-root';

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

let version: string | undefined;

/** The analyzer's version, from its package.json. */
export function toolVersion(): string {
  if (version === undefined) {
    try {
      version = String(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version);
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
