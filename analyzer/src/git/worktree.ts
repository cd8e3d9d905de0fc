import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitRunner } from './exec';
import { toSlash } from './repo';

/**
 * Git options for every command sweep runs: the user's hooks never run (a post-checkout hook on `worktree add`,
 * a pre-commit hook in a checkout without node_modules), and paths come back unquoted.
 */
export const QUIET_GIT = ['-c', 'core.hooksPath=/dev/null', '-c', 'advice.detachedHead=false'];

/** Worktrees this process created and has not removed yet, so a signal handler can remove them. */
const active = new Map<string, string>();

/** A detached, temporary checkout of one commit in a folder outside the repository. */
export class TempWorktree {
  private constructor(
    readonly repoRoot: string,
    /** Absolute, forward slashes. */
    readonly dir: string,
    readonly git: GitRunner,
  ) {}

  /** Checks `commit` out into a new temporary folder; the user's work tree, index and HEAD are not involved. */
  static async add(repoRoot: string, commit: string): Promise<TempWorktree> {
    const parent = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-sweep-')));
    const dir = toSlash(path.join(parent, 'tree'));
    active.set(dir, repoRoot);
    try {
      await new GitRunner(repoRoot).run([...QUIET_GIT, 'worktree', 'add', '--detach', '--quiet', dir, commit]);
    } catch (e) {
      removeSync(dir, repoRoot);
      throw e;
    }
    return new TempWorktree(repoRoot, dir, new GitRunner(dir));
  }

  /** Links node_modules folders of the user's checkout (untracked, so absent here) so type checks resolve packages. */
  linkDependencies(userRoot: string, folders: readonly string[]): void {
    for (const folder of folders) {
      const from = path.join(userRoot, folder, 'node_modules');
      const to = path.join(this.dir, folder, 'node_modules');
      if (fs.existsSync(from) && !fs.existsSync(to) && fs.existsSync(path.dirname(to))) fs.symlinkSync(from, to, 'dir');
    }
  }

  /** Removes the checkout and git's record of it. Safe to call twice. */
  async remove(): Promise<void> {
    if (!active.has(this.dir)) return;
    try {
      await new GitRunner(this.repoRoot).run(['worktree', 'remove', '--force', this.dir]);
    } catch {
      // Already gone or never registered: the folder and the record go below.
    }
    removeSync(this.dir, this.repoRoot);
  }
}

/** Runs `fn` in a temporary worktree of `commit`; the worktree is removed however `fn` ends. */
export async function withWorktree<T>(repoRoot: string, commit: string, fn: (tree: TempWorktree) => Promise<T>): Promise<T> {
  const tree = await TempWorktree.add(repoRoot, commit);
  try {
    return await fn(tree);
  } finally {
    await tree.remove();
  }
}

/** For signal handlers: removes every worktree this process still has, synchronously. */
export function removeActiveWorktreesSync(): void {
  for (const [dir, repoRoot] of [...active]) removeSync(dir, repoRoot);
}

function removeSync(dir: string, repoRoot: string): void {
  active.delete(dir);
  try {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: repoRoot, stdio: 'ignore' });
  } catch {
    // Not registered (add failed) or already removed.
  }
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  try {
    execFileSync('git', ['worktree', 'prune'], { cwd: repoRoot, stdio: 'ignore' });
  } catch {
    // The repository itself is gone (a test removed it): nothing to prune.
  }
}
