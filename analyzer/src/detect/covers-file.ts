import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/load';

/**
 * Does the config's include/exclude cover this one file? The editor asks this for the file in front of the person
 * before the folder is listed: matching one path costs microseconds where listing a large repository takes seconds.
 * .gitignore is not consulted here; the full listing (listSourceFiles) settles it when the background index ends.
 */
export function coversFile(config: ResolvedConfig, file: string): boolean {
  const root = config.root.replace(/\\/g, '/');
  const posix = path.resolve(file).replace(/\\/g, '/');
  if (!posix.startsWith(`${root}/`)) return false;
  const relative = posix.slice(root.length + 1);
  if (relative.split('/').some((part) => part.startsWith('.'))) return false; // fast-glob lists with dot: false
  if (!picomatch.isMatch(relative, config.include)) return false;
  if (config.exclude.length === 0) return true;
  // Like fast-glob's `ignore`, an excluded folder excludes everything below it.
  const parts = relative.split('/');
  return !parts.some((_, i) => picomatch.isMatch(parts.slice(0, i + 1).join('/'), config.exclude));
}
