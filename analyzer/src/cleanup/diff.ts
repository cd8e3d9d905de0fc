import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './types';

/**
 * The cleanup as one unified diff (`a/…`, `b/…`, 3 lines of context): what `flagsweep cleanup --dry-run` prints and
 * what the editor shows before a whole-flag removal is applied. `relative` names each file for the headers.
 */
export function unifiedDiff(files: readonly Pick<FileChange, 'file' | 'before' | 'after'>[], relative: (file: string) => string): string {
  return files.map((f) => createTwoFilesPatch(`a/${relative(f.file)}`, `b/${relative(f.file)}`, f.before, f.after, undefined, undefined, { context: 3 })).join('');
}
