import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitError, GitRunner } from './exec';
import { findGitRepo, resolveCommit, toSlash } from './repo';

/** Lines added or changed since a ref, per absolute file (forward slashes). 'all' for files new since then. */
export interface ChangedLines {
  ref: string;
  commit: string;
  repoRoot: string;
  files: Map<string, Set<number> | 'all'>;
  invocations: number;
}

/**
 * What changed between `ref` and the work tree (committed, staged and unstaged changes, and untracked files):
 * the set a pull request adds on top of its base. Three git invocations whatever the size of the change.
 */
export async function changedLinesSince(ref: string, cwd: string): Promise<ChangedLines> {
  const probe = new GitRunner(cwd);
  const found = await findGitRepo(cwd, probe);
  if (!('repo' in found)) throw new GitError(`--since needs a git repository: ${found.note.replace(/: age and activity skipped$/, '')}`);
  const root = found.repo.root;
  const commit = await resolveCommit(root, ref);
  const git = new GitRunner(root);
  const diff = await git.run(['diff', '--no-color', '--no-ext-diff', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', commit, '--']);
  const files = parseUnifiedDiff(diff, root);
  const untracked = await git.run(['ls-files', '--others', '--exclude-standard', '-z']);
  for (const name of untracked.split('\0')) if (name) files.set(`${root}/${name}`, 'all');
  return { ref, commit, repoRoot: root, files, invocations: probe.invocations + 1 + git.invocations };
}

/** Added/changed line numbers on the new side of a `--unified=0` diff, keyed by absolute path. */
export function parseUnifiedDiff(diff: string, repoRoot: string): Map<string, Set<number> | 'all'> {
  const files = new Map<string, Set<number> | 'all'>();
  let current: Set<number> | 'all' | undefined;
  let newFile = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      newFile = false;
    } else if (line.startsWith('new file mode')) {
      newFile = true;
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') current = undefined;
      else {
        const file = `${repoRoot}/${unquote(target).replace(/^b\//, '')}`;
        current = newFile ? 'all' : new Set<number>();
        files.set(file, current);
      }
    } else if (line.startsWith('@@ ') && current instanceof Set) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return files;
}

/** git C-quotes paths with tabs, quotes or backslashes even with core.quotePath=false. */
function unquote(target: string): string {
  if (!target.startsWith('"')) return target;
  return JSON.parse(target.replace(/\\([0-7]{3})/g, (_, oct) => `\\u00${parseInt(oct, 8).toString(16).padStart(2, '0')}`));
}

/** Does a usage spanning `line`..`endLine` of `file` touch a changed line? */
export function touchesChange(changes: ChangedLines, file: string, line: number, endLine: number): boolean {
  const changed = changes.files.get(toSlash(realPath(file)));
  if (!changed) return false;
  if (changed === 'all') return true;
  for (let n = line; n <= endLine; n++) if (changed.has(n)) return true;
  return false;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync.native(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}
