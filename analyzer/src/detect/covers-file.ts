import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/load';
import { exclusionsOf, isExcluded, type Exclusions } from './walk';

/** Per exclude list: the editor asks for every file it opens. */
const exclusionsByList = new WeakMap<readonly string[], Exclusions>();

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
  if (relative.split('/').some((part) => part.startsWith('.'))) return false; // the listing skips dot files and folders
  if (!picomatch.isMatch(relative, config.include)) return false;
  if (config.exclude.length === 0) return true;
  let excluded = exclusionsByList.get(config.exclude);
  if (!excluded) exclusionsByList.set(config.exclude, (excluded = exclusionsOf(config.exclude)));
  // As the listing: a folder is left unread only by an exclude ending in `/**` or in a literal name.
  return !isExcluded(relative, excluded);
}
