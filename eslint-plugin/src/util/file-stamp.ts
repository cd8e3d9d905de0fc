import * as fs from 'node:fs';

/** What tells us a file changed without reading it. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

const MISSING = Object.freeze({ error: 'ENOENT' });

/** The file's stamp, or the error code when it can't be stat'ed (ENOENT, EACCES, ...). */
export function statFile(file: string): FileStamp | { error: string } {
  try {
    // Asked for every linted file (config and flag files): a missing one must not cost a thrown error each time.
    const s = fs.statSync(file, { throwIfNoEntry: false });
    if (!s) return MISSING;
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

export function sameStamp(a: FileStamp | { error: string } | undefined, b: FileStamp | { error: string }): boolean {
  if (!a) return false;
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b && a.error === b.error;
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}
