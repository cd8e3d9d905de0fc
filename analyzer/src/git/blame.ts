import { GitError, GitRunner } from './exec';

export interface LineAuthorship {
  commit: string;
  /** Author time in seconds since the epoch; undefined for lines not committed yet. */
  authorTime?: number;
}

const UNCOMMITTED = /^0{40}$/;

/**
 * Blames only `lines` (1-based) of one file, in one git invocation (several -L ranges).
 * Returns line → authorship. A file git doesn't track yet comes back with every line uncommitted.
 */
export async function blameLines(git: GitRunner, repoRelativeFile: string, lines: readonly number[]): Promise<Map<number, LineAuthorship>> {
  const result = new Map<number, LineAuthorship>();
  const ranges = toRanges(lines);
  if (ranges.length === 0) return result;
  const args = ['blame', '--porcelain'];
  for (const [from, to] of ranges) args.push('-L', `${from},${to}`);
  args.push('--', repoRelativeFile);
  let output: string;
  try {
    output = await git.run(args);
  } catch (e) {
    // Untracked file, or a repository without commits: nothing is committed yet.
    if (e instanceof GitError && /no such path|no such ref|bad revision|has only \d+ lines?/i.test(e.message)) {
      for (const line of lines) result.set(line, { commit: '0'.repeat(40) });
      return result;
    }
    throw e;
  }
  return parsePorcelain(output);
}

/** Parses `git blame --porcelain`: commit details are printed once per commit, so they are joined afterwards. */
export function parsePorcelain(output: string): Map<number, LineAuthorship> {
  const authorTimes = new Map<string, number>();
  const lineCommits: [number, string][] = [];
  let current: string | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) continue;
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (header) {
      current = header[1];
      lineCommits.push([Number(header[2]), current]);
      continue;
    }
    if (current && line.startsWith('author-time ')) authorTimes.set(current, Number(line.slice('author-time '.length)));
  }
  const result = new Map<number, LineAuthorship>();
  for (const [line, commit] of lineCommits) {
    result.set(line, UNCOMMITTED.test(commit) ? { commit } : { commit, authorTime: authorTimes.get(commit) });
  }
  return result;
}

/** Sorted, merged inclusive ranges covering `lines`. */
export function toRanges(lines: readonly number[]): [number, number][] {
  const sorted = [...new Set(lines)].filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const n of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && n <= last[1] + 1) last[1] = n;
    else ranges.push([n, n]);
  }
  return ranges;
}
