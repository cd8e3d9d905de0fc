import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');

/** A fresh temp copy of test-fixtures/<name>, with its real path (macOS /tmp is a symlink). */
export function copyFixtureProject(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flagsweep-${name}-`));
  fs.cpSync(path.join(REPO, 'test-fixtures', name), dir, { recursive: true });
  return fs.realpathSync(dir);
}
