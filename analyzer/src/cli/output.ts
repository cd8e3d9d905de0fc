import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeKind } from '../fs';
import { UsageError } from './options';

/** Writes a report to `output` (atomically, see writeFileAtomically) or to stdout. */
export function writeReport(text: string, output: string | undefined, option = '--output'): void {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomically(output, text, option);
}

/**
 * Writes `text` to `file` as a whole or not at all: through a temporary file beside the target and a rename.
 * A symlink is written through (its target is replaced, the link stays); a folder, FIFO, socket or device is
 * refused with a one-line UsageError naming `option`; no temporary file is ever left behind.
 */
export function writeFileAtomically(file: string, text: string, option = '--output'): void {
  let target: string;
  let existing: fs.Stats | undefined;
  try {
    target = followLinks(path.resolve(file), option, file);
    existing = fs.statSync(target, { throwIfNoEntry: false });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${option} ${file}: cannot write (${describeWriteError(e as NodeJS.ErrnoException)})`);
  }
  if (existing && !existing.isFile()) throw new UsageError(`${option} ${file}: ${describeKind(existing)}, not a regular file; give a file name`);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': never open something that appeared at the temporary name; the mode of a replaced file is kept.
    fs.writeFileSync(tmp, text, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
    if (existing) fs.chmodSync(tmp, existing.mode & 0o777);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself is the problem; nothing was created
    }
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`${option} ${file}: cannot write (${describeWriteError(err)})`);
  }
}

/** The file a path names after following symlinks, also a dangling one (the write creates its target). */
function followLinks(start: string, option: string, given: string): string {
  let current = start;
  for (let hops = 0; hops < 40; hops++) {
    const stat = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stat?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new UsageError(`${option} ${given}: too many levels of symbolic links`);
}

function describeWriteError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return `${e.code}: permission denied`;
    case 'ENOENT':
      return 'ENOENT: no such file or folder';
    case 'ENOTDIR':
      return 'ENOTDIR: a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'EISDIR: it is a folder';
    case 'ENOSPC':
      return 'ENOSPC: no space left on the device';
    case 'EROFS':
      return 'EROFS: read-only file system';
    default:
      return e.code ?? e.message;
  }
}
