import * as fs from 'node:fs';

/** A file flagsweep will not or cannot read. `message` is one line that names the file; no stack is needed. */
export class FileReadError extends Error {
  constructor(
    /** Why, without the file name: "is a FIFO (named pipe), not a regular file". */
    readonly reason: string,
    readonly file: string,
    readonly code: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileReadError';
  }
}

export interface ReadOptions {
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
  /** The setting that raises `maxBytes`, named in the message ("maxFileBytes"). */
  limitSetting?: string;
}

/** Non-blocking: opening a FIFO must never wait for a writer. O_NOCTTY: a terminal device never becomes ours. */
export const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * Reads a regular file as text (`decodeText`). FIFOs, sockets, devices and folders are refused (a FIFO would block
 * forever, a device never ends); so is a file over `maxBytes`. Throws FileReadError with a one-line message naming
 * the file.
 */
export function readTextFile(file: string, options: ReadOptions = {}): string {
  return decodeText(readRegularFile(file, options));
}

/**
 * A file's text as TypeScript's own reader takes it: UTF-16 (little- or big-endian) when the bytes start with its
 * byte-order mark, UTF-8 otherwise. Read as UTF-8, a UTF-16 file is a string of NULs between letters in which no
 * flag read is found, so a cleanup would leave its reads behind unseen. The mark stays as U+FEFF at offset 0, as a
 * UTF-8 one does, so offsets are the same whatever the encoding.
 */
export function decodeText(bytes: Buffer): string {
  const order = utf16ByteOrder(bytes);
  // An odd last byte is not a character: TypeScript drops it too.
  if (order === 'utf16le') return bytes.toString('utf16le', 0, bytes.length & ~1);
  if (order === 'utf16be') return Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16().toString('utf16le');
  return bytes.toString('utf8');
}

/** 'utf16le' or 'utf16be' when the bytes start with that byte-order mark. */
export function utf16ByteOrder(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return undefined;
}

export function readRegularFile(file: string, options: ReadOptions = {}): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw openError(file, e as NodeJS.ErrnoException);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileReadError(`${describeKind(stat)}, not a regular file`, file, 'ENOTREG');
    if (options.maxBytes !== undefined && stat.size > options.maxBytes) throw tooLarge(file, stat.size, options);
    // Files under /proc report size 0 and may still be long: read those to the end, and count what was read too.
    const data = stat.size > 0 ? readUpTo(fd, stat.size) : fs.readFileSync(fd);
    if (options.maxBytes !== undefined && data.length > options.maxBytes) throw tooLarge(file, data.length, options);
    return data;
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw openError(file, e as NodeJS.ErrnoException);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The first `size` bytes (fewer if the file shrank meanwhile): read straight into one buffer, without the second
 * fstat `readFileSync` makes (a cold scan reads every file of the project).
 */
function readUpTo(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const read = fs.readSync(fd, buf, n, size - n, null);
    if (read === 0) break;
    n += read;
  }
  return n === size ? buf : buf.subarray(0, n);
}

/** What kind of thing `file` is when it is not a regular file, or undefined when it is one (or doesn't exist). */
export function notRegularFile(file: string): string | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat && !stat.isFile() ? describeKind(stat) : undefined;
}

export function describeKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'is a folder';
  if (stat.isFIFO()) return 'is a FIFO (named pipe)';
  if (stat.isSocket()) return 'is a socket';
  if (stat.isCharacterDevice()) return 'is a character device';
  if (stat.isBlockDevice()) return 'is a block device';
  return 'is a special file';
}

/** "2 MB", "20.5 MB", "900 KB": sizes as a person reads them (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function tooLarge(file: string, size: number, options: ReadOptions): FileReadError {
  const setting = options.limitSetting ? ` ("${options.limitSetting}")` : '';
  return new FileReadError(`${formatBytes(size)}, over the ${formatBytes(options.maxBytes!)} limit${setting}`, file, 'EFBIG');
}

function openError(file: string, e: NodeJS.ErrnoException): FileReadError {
  const code = e.code ?? 'EIO';
  if (code === 'ENOENT') return new FileReadError(`no such file`, file, code);
  // A socket cannot be opened at all (ENXIO); name what it is.
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) return new FileReadError(`${describeKind(stat)}, not a regular file`, file, 'ENOTREG');
  }
  if (code === 'EISDIR') return new FileReadError(`is a folder, not a regular file`, file, 'ENOTREG');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError(`permission denied (${code})`, file, code);
  return new FileReadError(`cannot read (${code})`, file, code);
}
