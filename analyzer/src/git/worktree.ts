import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitRunner, killGroupedGitSync } from './exec';
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
      await new GitRunner(repoRoot).run([...QUIET_GIT, 'worktree', 'add', '--detach', '--quiet', dir, commit], { ownProcessGroup: true });
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

/**
 * For signal handlers: stops a `git worktree add` still checking files out (it would go on writing into the folder),
 * then removes every worktree this process still has, synchronously. Returns the folders that could not be removed.
 */
export function removeActiveWorktreesSync(): string[] {
  killGroupedGitSync();
  const left: string[] = [];
  for (const [dir, repoRoot] of [...active]) {
    if (!removeSync(dir, repoRoot)) left.push(path.dirname(dir));
  }
  return left;
}

/** True when the folder is gone. */
function removeSync(dir: string, repoRoot: string): boolean {
  active.delete(dir);
  // Twice --force: an add that was killed leaves its worktree locked ("initializing"), which one --force keeps.
  try {
    execFileSync('git', ['worktree', 'remove', '--force', '--force', dir], { cwd: repoRoot, stdio: 'ignore' });
  } catch {
    // Not registered (add failed) or already removed.
  }
  let removed = true;
  try {
    // A killed checkout can still be exiting: retry what it had not finished writing (ENOTEMPTY, EBUSY).
    fs.rmSync(path.dirname(dir), { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
  } catch {
    removed = false;
  }
  try {
    unlockKilledAdd(repoRoot, dir);
  } catch {
    // No repository to look in: the prune below says the same.
  }
  try {
    execFileSync('git', ['worktree', 'prune'], { cwd: repoRoot, stdio: 'ignore' });
  } catch {
    // The repository itself is gone (a test removed it): nothing to prune.
  }
  return removed;
}

/**
 * An add killed before it wrote the worktree's `.git` file leaves git's record of it locked ("initializing"), which
 * neither `worktree remove` finds nor `worktree prune` removes. Only the record pointing at `dir` is unlocked.
 */
function unlockKilledAdd(repoRoot: string, dir: string): void {
  // Relative to repoRoot when git prints it so (git before 2.31 has no --path-format).
  const common = path.resolve(repoRoot, execFileSync('git', ['rev-parse', '--git-common-dir'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  const records = path.join(common, 'worktrees');
  for (const name of fs.existsSync(records) ? fs.readdirSync(records) : []) {
    const record = path.join(records, name);
    const locked = path.join(record, 'locked');
    try {
      const gitdir = fs.readFileSync(path.join(record, 'gitdir'), 'utf8').trim();
      if (toSlash(gitdir) === `${dir}/.git` && fs.readFileSync(locked, 'utf8').trim() === 'initializing') fs.rmSync(locked);
    } catch {
      // Not locked, or a record without gitdir: not one this process can tell is its own.
    }
  }
}
