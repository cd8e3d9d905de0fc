import { GitError, GitRunner } from './exec';

/** Commit a ref points at, or undefined when it does not exist. */
export async function refCommit(git: GitRunner, ref: string): Promise<string | undefined> {
  try {
    return (await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Throws a GitError when `name` is not a valid branch name (git's own rules). */
export async function checkBranchName(git: GitRunner, name: string): Promise<void> {
  try {
    await git.run(['check-ref-format', '--branch', name]);
  } catch {
    throw new GitError(`"${name}" is not a valid git branch name`);
  }
}

/** Branches checked out in any worktree of the repository (the user's own checkout included). */
export async function checkedOutBranches(git: GitRunner): Promise<Set<string>> {
  const out = await git.run(['worktree', 'list', '--porcelain']);
  const names = new Set<string>();
  for (const line of out.split('\n')) if (line.startsWith('branch refs/heads/')) names.add(line.slice('branch refs/heads/'.length));
  return names;
}

/** Commits reachable from `tip` but not from `base`, oldest first, with their parents and subjects. */
export async function commitsSince(git: GitRunner, base: string, tip: string): Promise<{ commit: string; parents: string[]; subject: string }[]> {
  const out = await git.run(['log', '--reverse', '--format=%H%x00%P%x00%s', `${base}..${tip}`, '--']);
  return out
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const [commit, parents, subject] = l.split('\0');
      return { commit, parents: parents ? parents.split(' ') : [], subject };
    });
}

/** Paths (repository-relative) that differ between two commits. */
export async function changedPaths(git: GitRunner, from: string, to: string): Promise<string[]> {
  const out = await git.run(['diff', '--no-renames', '--name-only', '-z', from, to, '--']);
  return out.split('\0').filter((p) => p.length > 0).sort();
}

/** Blob id of `path` in `commit`, or undefined when it has none there. */
export async function blobAt(git: GitRunner, commit: string, path: string): Promise<string | undefined> {
  return refCommitless(git, `${commit}:${path}`);
}

/** Blob ids files in a work tree would get, computed without writing anything to the object store. */
export async function hashFiles(git: GitRunner, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const out = await git.run(['hash-object', '--', ...paths]);
  return out.trim().split('\n');
}

/** Points `refs/heads/<name>` at `commit`, only if it still points at `expected` (undefined: must not exist yet). */
export async function setBranch(git: GitRunner, name: string, commit: string, expected: string | undefined, reason: string): Promise<void> {
  await git.run(['update-ref', '-m', reason, `refs/heads/${name}`, commit, expected ?? '0'.repeat(40)]);
}

/**
 * Pushes a local branch, replacing the remote one only if it is still what we last saw there (`expected`;
 * undefined: the remote branch must not exist). A person's push since then makes this fail instead of being lost.
 */
export async function pushBranch(git: GitRunner, remote: string, name: string, expected: string | undefined): Promise<void> {
  await git.run(['push', '--quiet', '--porcelain', `--force-with-lease=refs/heads/${name}:${expected ?? ''}`, remote, `refs/heads/${name}:refs/heads/${name}`]);
}

/** Updates the remote-tracking refs of every branch under `prefix` (fetching nothing else). */
export async function fetchBranches(git: GitRunner, remote: string, prefix: string): Promise<void> {
  await git.run(['fetch', '--quiet', '--prune', '--no-tags', remote, `+refs/heads/${prefix}*:refs/remotes/${remote}/${prefix}*`]);
}

/** Local and remote-tracking branches whose name starts with `prefix`: name → { local, remotes }. */
export async function listBranches(git: GitRunner, prefix: string): Promise<Map<string, { local?: string; remote?: { name: string; commit: string } }>> {
  const out = await git.run(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads/', 'refs/remotes/']);
  const found = new Map<string, { local?: string; remote?: { name: string; commit: string } }>();
  for (const line of out.split('\n')) {
    const [ref, commit] = line.split('\0');
    if (!ref || !commit) continue;
    if (ref.startsWith(`refs/heads/${prefix}`)) {
      const name = ref.slice('refs/heads/'.length);
      found.set(name, { ...found.get(name), local: commit });
      continue;
    }
    const m = /^refs\/remotes\/([^/]+)\/(.*)$/.exec(ref);
    if (m && m[2].startsWith(prefix)) {
      const entry = found.get(m[2]) ?? {};
      if (!entry.remote) entry.remote = { name: m[1], commit };
      found.set(m[2], entry);
    }
  }
  return found;
}

async function refCommitless(git: GitRunner, spec: string): Promise<string | undefined> {
  try {
    return (await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', spec])).trim() || undefined;
  } catch {
    return undefined;
  }
}
