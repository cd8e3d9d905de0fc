import { GitRunner, findGitRepo } from '../git';
import { commitsSince, listBranches, refCommit } from '../git/branches';
import { SWEEP_SUBJECT } from './text';

/**
 * A sweep branch as the report shows it. 'up-to-date': starts at HEAD; 'behind': starts at an older commit (the next
 * sweep rebuilds it); 'edited': a person added commits (sweep leaves it alone); 'merged': HEAD contains it.
 */
export interface SweepBranchInfo {
  branch: string;
  state: 'up-to-date' | 'behind' | 'edited' | 'merged';
  commit: string;
  /** Where it exists: 'local', a remote's name, or both ('local+origin'). */
  where: string;
}

/**
 * The sweep branches (local and remote-tracking, under `prefix`) and the flags each removes, read from the subjects
 * of its commits: flag key → branch. A key in several branches keeps the first by name.
 */
export async function findSweepBranches(dir: string, prefix: string): Promise<Map<string, SweepBranchInfo>> {
  const found = await findGitRepo(dir);
  const byKey = new Map<string, SweepBranchInfo>();
  if (!('repo' in found) || !found.repo.head) return byKey;
  const git = new GitRunner(found.repo.root);
  const head = found.repo.head;
  const branches = await listBranches(git, prefix);
  for (const name of [...branches.keys()].sort()) {
    const { local, remote } = branches.get(name)!;
    const tip = local ?? remote!.commit;
    const where = [local ? 'local' : '', remote ? remote.name : ''].filter(Boolean).join('+');
    const commits = await commitsSince(git, head, tip);
    let keys: string[];
    let state: SweepBranchInfo['state'];
    if (commits.length === 0) {
      state = 'merged';
      keys = await ownKeys(git, tip);
    } else {
      keys = commits.map((c) => SWEEP_SUBJECT.exec(c.subject)?.[1]).filter((k): k is string => !!k);
      const edited = commits.some((c) => !SWEEP_SUBJECT.test(c.subject));
      const start = await refCommit(git, `${tip}~${commits.length}`);
      state = edited ? 'edited' : start === head ? 'up-to-date' : 'behind';
    }
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, { branch: name, state, commit: tip, where });
  }
  return byKey;
}

/** Keys of the sweep commits at the tip of a merged branch. */
async function ownKeys(git: GitRunner, tip: string): Promise<string[]> {
  const out = await git.run(['log', '--first-parent', '-n', '50', '--format=%s', tip, '--']);
  const keys: string[] = [];
  for (const subject of out.split('\n')) {
    const m = SWEEP_SUBJECT.exec(subject);
    if (!m) break;
    keys.push(m[1]);
  }
  return keys;
}

/** "up to date", "behind base", … as reports print a branch state. */
export function sweepStateText(state: SweepBranchInfo['state']): string {
  return { 'up-to-date': 'up to date', behind: 'behind HEAD: the next sweep rebuilds it', edited: 'edited by a person', merged: 'merged' }[state];
}
