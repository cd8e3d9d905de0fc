import * as path from 'node:path';
import { GitError, GitRunner } from './exec';

export interface GitRepo {
  /** Top-level folder of the work tree, forward slashes. */
  root: string;
  /** Commit HEAD points at, or undefined in a repository with no commits yet. */
  head?: string;
}

export type FindRepoResult = { repo: GitRepo } | { note: string };

/** The repository containing `dir`, or a note saying why git data is unavailable (not a repo, no git). */
export async function findGitRepo(dir: string, git = new GitRunner(dir)): Promise<FindRepoResult> {
  let top: string;
  try {
    top = (await git.run(['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    const message = (e as Error).message;
    if (/not a git repository/i.test(message)) return { note: `${toSlash(dir)} is not inside a git repository: age and activity skipped` };
    return { note: `git unavailable (${message}): age and activity skipped` };
  }
  let head: string | undefined;
  try {
    head = (await git.run(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch {
    head = undefined;
  }
  return { repo: { root: toSlash(path.resolve(top)), head } };
}

/** Resolves `ref` to a commit id; a clear GitError when it names nothing. */
export async function resolveCommit(repoRoot: string, ref: string): Promise<string> {
  // A ref starting with '-' would be read as an option.
  if (!ref || ref.startsWith('-')) throw new GitError(`invalid git ref '${ref}'`);
  const git = new GitRunner(repoRoot);
  try {
    return (await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown git ref '${ref}' in ${repoRoot}`);
  }
}

export function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}
