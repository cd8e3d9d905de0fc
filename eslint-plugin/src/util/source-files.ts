import { readTextFile } from '@flagsweep/analyzer';
import { sameStamp, statFile, type FileStamp } from './file-stamp';

/** Other files are read for their keys and annotations only: FIFOs are never opened, huge generated files never read. */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const texts = new Map<string, { stamp: FileStamp | { error: string }; text: string | undefined }>();

/**
 * Reads other project files for cross-file key resolution (imported constants and their annotations).
 * A file is read again only when its mtime or size changed, so a lint run reads each one once.
 */
export function readProjectFile(absPath: string): string | undefined {
  const stamp = statFile(absPath);
  const hit = texts.get(absPath);
  if (hit && sameStamp(hit.stamp, stamp)) return hit.text;
  let text: string | undefined;
  if (!('error' in stamp)) {
    try {
      text = readTextFile(absPath, { maxBytes: MAX_SOURCE_BYTES });
    } catch {
      text = undefined;
    }
  }
  texts.set(absPath, { stamp, text });
  return text;
}

/**
 * Reads a file for the project annotation index. Texts already read for key resolution are reused; texts with a
 * flag annotation are kept for it (they are the declarations imports resolve to); the rest are not kept.
 */
export function readForIndex(absPath: string, stamp: FileStamp): string | undefined {
  const hit = texts.get(absPath);
  if (hit && sameStamp(hit.stamp, stamp)) return hit.text;
  let text: string;
  try {
    text = readTextFile(absPath, { maxBytes: MAX_SOURCE_BYTES });
  } catch {
    return undefined;
  }
  if (text.includes('@flag')) texts.set(absPath, { stamp, text });
  return text;
}
