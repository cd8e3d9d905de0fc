import type { FlagCheck, SourceRange } from '@flagsweep/analyzer';
import type { FileFacts } from './file-facts';

/** Checks whose key was resolved, with that key. */
export function resolvedChecks(facts: FileFacts): (FlagCheck & { key: string })[] {
  return facts.checks.filter((c): c is FlagCheck & { key: string } => c.key !== null);
}

/** Forward-slash absolute path, the form the core uses in `file` fields. */
export function samePath(a: string, b: string): boolean {
  return a.replace(/\\/g, '/') === b.replace(/\\/g, '/');
}

/** Owner for messages. */
export function ownerText(owner: string | undefined): string {
  return owner ?? 'none set';
}

export function rangeKey(range: SourceRange): string {
  return `${range.start}:${range.end}`;
}
