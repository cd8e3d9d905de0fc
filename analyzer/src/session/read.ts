import { FileReadError, formatBytes, readTextFile } from '../fs';
import type { SkippedFile } from '../detect/scan';
import type { ReadFile } from './types';

/** A file's text, or why the session did not look at it. */
export type ReadOutcome = { text: string } | { skipped: SkippedFile };

/**
 * Reads a source file the way every front end must: a custom reader's text over `maxBytes` is refused; from disk,
 * FIFOs, devices and files over the limit are refused before they are read. Absent (custom reader): undefined.
 */
export function readSource(file: string, maxBytes: number, readFile: ReadFile | undefined): ReadOutcome | undefined {
  if (readFile) {
    const text = readFile(file);
    if (text === undefined) return undefined;
    if (text.length > maxBytes) return { skipped: { file, kind: 'too-large', reason: `${formatBytes(text.length)}, over the ${formatBytes(maxBytes)} limit ("maxFileBytes")` } };
    return { text };
  }
  try {
    return { text: readTextFile(file, { maxBytes, limitSetting: 'maxFileBytes' }) };
  } catch (e) {
    const tooLarge = e instanceof FileReadError && e.code === 'EFBIG';
    const reason = e instanceof FileReadError ? e.reason : String(e);
    return { skipped: { file, kind: tooLarge ? 'too-large' : 'unreadable', reason: tooLarge ? reason : `cannot read file: ${reason}` } };
  }
}

/**
 * A reader for `readFile`-shaped callers: `first`'s text where it has one (an editor's open documents), else the
 * disk as `readSource` reads it; a file it refuses or cannot read is absent.
 */
export function textReader(maxBytes: number, first?: ReadFile): ReadFile {
  return (file) => {
    const given = first?.(file);
    if (given !== undefined) return given;
    const read = readSource(file, maxBytes, undefined);
    return read && 'text' in read ? read.text : undefined;
  };
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  let i = text.indexOf('\n');
  while (i !== -1) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return text.endsWith('\n') ? n - 1 : n;
}
