import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitRunner } from './exec';
import { QUIET_GIT } from './worktree';

/** Who commits when the repository names nobody (a fresh CI runner). */
export const FALLBACK_IDENTITY = { name: 'flagsweep', email: 'flagsweep@users.noreply.github.com' };

/**
 * Stages exactly `paths` (repository-relative) in a worktree and commits them with `message`; returns the commit.
 * Hooks are skipped: the cleanup was verified already, and the worktree has no dependencies for lint hooks to run.
 */
export async function commitPaths(git: GitRunner, paths: readonly string[], message: string): Promise<string> {
  await git.run([...QUIET_GIT, 'add', '--', ...paths]);
  const identity = (await hasIdentity(git)) ? [] : ['-c', `user.name=${FALLBACK_IDENTITY.name}`, '-c', `user.email=${FALLBACK_IDENTITY.email}`];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-msg-'));
  try {
    const file = path.join(dir, 'message');
    fs.writeFileSync(file, message);
    await git.run([...QUIET_GIT, ...identity, 'commit', '--quiet', '--no-verify', '--cleanup=verbatim', '-F', file]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return (await git.run(['rev-parse', 'HEAD'])).trim();
}

async function hasIdentity(git: GitRunner): Promise<boolean> {
  if (process.env.GIT_AUTHOR_EMAIL && process.env.GIT_COMMITTER_EMAIL) return true;
  try {
    return (await git.run(['config', 'user.email'])).trim() !== '';
  } catch {
    return false;
  }
}
