import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { decodeText, OPEN_FLAGS, utf16ByteOrder } from '../fs/read';
import type { ReadSnapshot } from './types';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The cleanup's default reader: the text of each file as on disk (a byte-order mark kept as U+FEFF), plus what the
 * writer needs to refuse a file that changed since (size, mtime, hash) and which files are not valid UTF-8.
 */
export class DiskReader {
  readonly snapshots = new Map<string, ReadSnapshot>();
  /**
   * Files that are not UTF-8, with what they are ("UTF-16", "not valid UTF-8"): readable for searching, never to be
   * rewritten (that would re-encode them).
   */
  readonly notUtf8 = new Map<string, string>();

  read = (file: string): string | undefined => {
    let bytes: Buffer;
    let stat: fs.Stats;
    try {
      // A FIFO or device put where a source file was listed is absent, never waited on.
      const fd = fs.openSync(file, OPEN_FLAGS);
      try {
        stat = fs.fstatSync(fd);
        if (!stat.isFile()) return undefined;
        bytes = fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return undefined;
    }
    this.snapshots.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) });
    if (utf16ByteOrder(bytes)) {
      this.notUtf8.set(file, 'UTF-16');
      return decodeText(bytes);
    }
    try {
      return strictUtf8.decode(bytes);
    } catch {
      this.notUtf8.set(file, 'not valid UTF-8');
      return lenientUtf8.decode(bytes);
    }
  };
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
