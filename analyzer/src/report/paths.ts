import * as path from 'node:path';

/** A path relative to the project root with forward slashes, as every report shows it. */
export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}
