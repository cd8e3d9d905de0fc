import { FileReadError, parseFlagdDocument, readTextFile, type FlagState } from '@flagsweep/analyzer';
import { sameStamp, statFile, type FileStamp } from './file-stamp';

export interface FlagFileResult {
  states: FlagState[];
  /** One-line reasons the file could not be used (unreadable, invalid JSON, malformed flags). */
  problems: string[];
  /** The file does not exist. */
  missing?: boolean;
}

/** The CLI's limit for flag files (the analyzer's flagd source). */
const MAX_FLAG_FILE_BYTES = 256 * 1024 * 1024;

const cache = new Map<string, { stamp: FileStamp | { error: string }; result: FlagFileResult }>();

/** The flagd file's flag states, read again only when its mtime or size changes. */
export function readFlagFile(file: string, displayName: string): FlagFileResult {
  const stamp = statFile(file);
  const hit = cache.get(file);
  if (hit && sameStamp(hit.stamp, stamp)) return hit.result;
  const result = load(file, displayName, stamp);
  cache.set(file, { stamp, result });
  return result;
}

function load(file: string, displayName: string, stamp: FileStamp | { error: string }): FlagFileResult {
  if ('error' in stamp) {
    return { states: [], problems: [`flagsweep: cannot read flag file ${displayName} (${stamp.error})`], missing: stamp.error === 'ENOENT' };
  }
  let text: string;
  try {
    // Regular files only: a FIFO named like the flag file would block the lint forever.
    text = readTextFile(file, { maxBytes: MAX_FLAG_FILE_BYTES });
  } catch (e) {
    const reason = e instanceof FileReadError ? e.reason : String(e);
    return { states: [], problems: [`flagsweep: cannot read flag file ${displayName} (${reason})`] };
  }
  const { states, diagnostics } = parseFlagdDocument(text, displayName);
  const problems = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const at = d.line && !d.message.includes(`line ${d.line}`) ? `:${d.line}:${d.column ?? 1}` : '';
      return `flagsweep: flag file ${d.where}${at}: ${d.message}`;
    });
  return { states, problems };
}
