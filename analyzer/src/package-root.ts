import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

/**
 * The analyzer package's folder (the one holding its package.json and schema/), found from this module's own
 * place: a compiled module sits two or three folders below it, the CLI bundle two.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === '@flagsweep/analyzer') return (root = dir);
    } catch {
      // not here: look further up
    }
    if (path.dirname(dir) === dir) return (root = path.resolve(__dirname, '..'));
  }
}
