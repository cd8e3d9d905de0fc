import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlagState } from '../../model';

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

export class DiskCache {
  readonly file: string;

  /** `identity` distinguishes sources (kind, URL, project, environment); it is hashed into the file name. */
  constructor(dir: string, kind: string, identity: string) {
    const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
    this.file = path.join(dir, `${kind}-${hash}.json`);
  }

  read(): CachedSnapshot | undefined {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as CachedSnapshot;
      return data && data.version === 1 && Array.isArray(data.states) && typeof data.fetchedAt === 'string' ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes through a temporary file and a rename, so a crash never leaves half a cache. Failures are returned, not thrown. */
  write(data: CachedSnapshot): string | undefined {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      return (e as NodeJS.ErrnoException).code ?? String(e);
    }
  }
}
