import { execFile } from 'node:child_process';

/** git could not do what was asked (bad ref, broken repo). `message` is one line for the user. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/**
 * Runs git in one folder and counts invocations, so callers (and tests) can check the number of
 * processes stays bounded by the number of files, not keys or commits.
 */
export class GitRunner {
  invocations = 0;

  constructor(readonly cwd: string) {}

  /** stdout of `git <args>`; rejects with the git's stderr as the message when it exits non-zero. */
  run(args: string[]): Promise<string> {
    this.invocations++;
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        // Quoted paths and pagers would break parsing; make output plain whatever the user's git config says.
        ['-c', 'core.quotePath=false', '--no-pager', ...args],
        { cwd: this.cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT') return reject(new GitError('git is not installed or not on PATH'));
            const detail = (stderr || error.message).trim().split('\n')[0];
            return reject(new GitError(`git ${args[0]}: ${detail}`));
          }
          resolve(stdout);
        },
      );
    });
  }
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
