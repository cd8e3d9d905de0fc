import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './types';

/**
 * The cleanup as one unified diff (`a/…`, `b/…`, 3 lines of context): what `flagsweep cleanup --dry-run` prints and
 * what the editor shows before a whole-flag removal is applied. `relative` names each file for the headers.
 */
export function unifiedDiff(files: readonly Pick<FileChange, 'file' | 'before' | 'after'>[], relative: (file: string) => string): string {
  return files.map((f) => createTwoFilesPatch(diffPath(`a/${relative(f.file)}`), diffPath(`b/${relative(f.file)}`), f.before, f.after, undefined, undefined, { context: 3 })).join('');
}

// What git quotes in a path: control characters (a newline would end the header, ESC would drive the terminal), C1
// controls, bidi overrides (they reorder what is shown), the quote and the backslash.
const NEEDS_QUOTES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"\\]/;
const C_ESCAPES: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * A path for a diff header, as git writes one: as is, or in double quotes with C escapes (other bytes in octal)
 * when it holds a character above. `git apply` and `patch` read it back.
 */
export function diffPath(p: string): string {
  if (!NEEDS_QUOTES.test(p)) return p;
  let quoted = '';
  for (const ch of p) {
    if (C_ESCAPES[ch]) quoted += C_ESCAPES[ch];
    else if (NEEDS_QUOTES.test(ch)) for (const byte of Buffer.from(ch, 'utf8')) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += ch;
  }
  return `"${quoted}"`;
}
