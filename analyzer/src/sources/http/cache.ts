import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileReadError, readTextFile, tooDeepAt } from '../../fs';
import type { FlagState } from '../../model';
import { writeFileAtomically } from '../../fs/write';

/** The last good answer of one remote source, kept on disk so it survives restarts and outages. Never holds a token. */
export interface CachedSnapshot {
  version: 1;
  sourceId: string;
  /** ISO time the data was fetched. */
  fetchedAt: string;
  states: FlagState[];
  /** Raw response bodies by URL with their ETags, for conditional requests. */
  responses: Record<string, { etag?: string; body: unknown }>;
}

/** What reading the cache gave: the snapshot (bad entries left out) and one-line warnings; never throws. */
export interface CacheRead {
  snapshot?: CachedSnapshot;
  problems: string[];
}

const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** Kernel and device file systems: mkdir there can fail in odd ways (or loop); a cache never belongs there. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];

export class DiskCache {
  readonly file: string;
  /** Why this cache folder can't be used at all (a file, /proc), or undefined. */
  readonly unusable?: string;

  /** `identity` distinguishes sources (kind, URL, project, environment); it is hashed into the file name. */
  constructor(
    readonly dir: string,
    kind: string,
    identity: string,
  ) {
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
    this.file = path.join(dir, `${kind}-${hash}.json`);
    this.unusable = unusableDir(dir);
  }

  read(): CacheRead {
    if (this.unusable) return { problems: [] };
    let text: string;
    try {
      text = readTextFile(this.file, { maxBytes: MAX_CACHE_BYTES });
    } catch (e) {
      if (e instanceof FileReadError && e.code === 'ENOENT') return { problems: [] };
      return { problems: [`cannot use the cache ${e instanceof FileReadError ? e.message : `${this.file}: ${String(e)}`}; ignored`] };
    }
    let data: unknown;
    try {
      if (tooDeepAt(text) !== undefined) throw new Error('nested too deep');
      data = JSON.parse(text);
    } catch {
      return { problems: [`cannot use the cache ${this.file}: not valid JSON; ignored`] };
    }
    const d = data as Partial<CachedSnapshot> | null;
    if (!d || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.states) || typeof d.fetchedAt !== 'string') {
      return { problems: [`cannot use the cache ${this.file}: not a flagsweep cache (version 1); ignored`] };
    }
    const states = d.states.filter(isFlagState);
    const problems = states.length < d.states.length ? [`the cache ${this.file}: ${d.states.length - states.length} malformed flag state(s) left out`] : [];
    const responses = d.responses && typeof d.responses === 'object' && !Array.isArray(d.responses) ? d.responses : {};
    return { snapshot: { version: 1, sourceId: String(d.sourceId), fetchedAt: d.fetchedAt, states, responses }, problems };
  }

  /** Writes through a temporary file and a rename, so a crash never leaves half a cache. Failures are returned, not thrown. */
  write(data: CachedSnapshot, redact: (text: string) => string = (t) => t): string | undefined {
    if (this.unusable) return this.unusable;
    return writeFileAtomically(this.file, redact(JSON.stringify(data)));
  }
}

function unusableDir(dir: string): string | undefined {
  const resolved = path.resolve(dir);
  const system = SYSTEM_DIRS.find((s) => resolved === s || resolved.startsWith(`${s}/`));
  if (system) return `it is under ${system}`;
  // The nearest existing ancestor must be a folder: a regular file there makes every write fail.
  for (let d = resolved; ; d = path.dirname(d)) {
    const stat = fs.statSync(d, { throwIfNoEntry: false });
    if (stat) return stat.isDirectory() ? undefined : `${d} is not a folder`;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Enough of a FlagState for every reader downstream (lifecycle, reports) to work on it. */
function isFlagState(s: unknown): s is FlagState {
  if (!s || typeof s !== 'object') return false;
  const st = s as Partial<FlagState>;
  const winner = st.winner as { kind?: unknown } | undefined;
  return (
    typeof st.key === 'string' &&
    typeof st.source === 'string' &&
    typeof st.exists === 'boolean' &&
    typeof st.enabled === 'boolean' &&
    typeof st.hasTargeting === 'boolean' &&
    !!st.variants &&
    typeof st.variants === 'object' &&
    !!winner &&
    typeof winner === 'object' &&
    (winner.kind === 'value' || winner.kind === 'code-default' || (winner.kind === 'none' && typeof (winner as { reason?: unknown }).reason === 'string')) &&
    optionalStrings(st, ['owner', 'expires', 'flagType', 'description', 'createdAt', 'constantSince', 'defaultVariant', 'dashboardUrl', 'lifecycleStage', 'lifecycleStatus', 'lastSeenAt']) &&
    (st.tags === undefined || (Array.isArray(st.tags) && st.tags.every((t) => typeof t === 'string')))
  );
}

function optionalStrings(s: object, fields: string[]): boolean {
  return fields.every((f) => (s as Record<string, unknown>)[f] === undefined || typeof (s as Record<string, unknown>)[f] === 'string');
}
