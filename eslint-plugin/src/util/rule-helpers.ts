import type { FlagCheck, FlagRecord, SourceRange } from '@flagsweep/analyzer';
import type { FileFacts } from './file-facts';

/** Checks whose key was resolved, with that key. */
export function resolvedChecks(facts: FileFacts): (FlagCheck & { key: string })[] {
  return facts.checks.filter((c): c is FlagCheck & { key: string } => c.key !== null);
}

/**
 * The core's flag record (the session's, built over the whole project: the join `flagsweep check` makes) for a
 * check here, whose key may be written in another form than the source's (a camelCase member name), or for a key.
 * `warnBeforeExpiryDays`: flag-expiring-soon's own window, when its option sets one.
 */
export function recordOf(facts: FileFacts, of: FlagCheck | string, warnBeforeExpiryDays?: number): FlagRecord | undefined {
  const session = facts.project?.session;
  if (!session) return undefined;
  const opts = warnBeforeExpiryDays !== undefined ? { warnBeforeExpiryDays } : {};
  return typeof of === 'string' ? session.record(of, opts) : session.recordForCheck(of, opts);
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
