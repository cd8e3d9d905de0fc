import { spawn, type ChildProcess } from 'node:child_process';

/** git could not do what was asked (bad ref, broken repo). `message` is one line for the user. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitRunOptions {
  /**
   * Runs git in a process group of its own, which `killGroupedGitSync` kills whole. `git worktree add` checks files
   * out in a child git of its own: killing only the git we started would leave that one writing into a folder a
   * signal handler is removing. Not for commands that may ask at the terminal (push): a process outside the
   * terminal's group cannot read it.
   */
  ownProcessGroup?: boolean;
}

const MAX_OUTPUT = 256 * 1024 * 1024;
const grouped = new Set<ChildProcess>();

/**
 * Runs git in one folder and counts invocations, so callers (and tests) can check the number of
 * processes stays bounded by the number of files, not keys or commits.
 */
export class GitRunner {
  invocations = 0;

  constructor(readonly cwd: string) {}

  /** stdout of `git <args>`; rejects with the git's stderr as the message when it exits non-zero. */
  run(args: string[], options: GitRunOptions = {}): Promise<string> {
    this.invocations++;
    const ownGroup = options.ownProcessGroup === true && process.platform !== 'win32';
    return new Promise((resolve, reject) => {
      // Quoted paths and pagers would break parsing; make output plain whatever the user's git config says.
      const child = spawn('git', ['-c', 'core.quotePath=false', '--no-pager', ...args], { cwd: this.cwd, detached: ownGroup, stdio: ['ignore', 'pipe', 'pipe'] });
      if (ownGroup) grouped.add(child);
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let size = 0;
      let failure: GitError | undefined;
      const collect = (into: Buffer[]) => (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_OUTPUT && !failure) {
          failure = new GitError(`git ${args[0]}: output larger than ${MAX_OUTPUT / 1024 / 1024} MB`);
          child.kill();
        }
        into.push(chunk);
      };
      child.stdout.on('data', collect(stdout));
      child.stderr.on('data', collect(stderr));
      child.on('error', (error: NodeJS.ErrnoException) => {
        grouped.delete(child);
        failure ??= error.code === 'ENOENT' ? new GitError('git is not installed or not on PATH') : new GitError(`git ${args[0]}: ${error.message}`);
      });
      child.on('close', (code, signal) => {
        grouped.delete(child);
        if (failure) return reject(failure);
        if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
        const detail = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] || `exited with ${signal ?? code}`;
        reject(new GitError(`git ${args[0]}: ${detail}`));
      });
    });
  }
}

/** For signal handlers: kills every git run with `ownProcessGroup` that is still running, with its children. */
export function killGroupedGitSync(): void {
  for (const child of grouped) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  grouped.clear();
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
