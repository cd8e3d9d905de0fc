import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes `data` to `file` through a temporary file beside it and a rename, making the folder first (with `dirMode`
 * when it has to be made): a reader never sees half a file, and of writers racing, the last one wins whole. Returns
 * the error code when it could not (nothing is left behind), undefined when written. For caches: a failure is the
 * caller's to report or ignore, never a crash.
 */
export function writeFileAtomically(file: string, data: string | (() => Uint8Array | string), dirMode?: number): string | undefined {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, ...(dirMode !== undefined ? { mode: dirMode } : {}) });
    fs.writeFileSync(tmp, typeof data === 'function' ? data() : data);
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself is the problem (ENOTDIR): nothing was written
    }
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}
