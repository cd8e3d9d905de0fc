import * as fs from 'node:fs';
import * as path from 'node:path';
import { blameLines, type LineAuthorship } from './blame';
import { GitRunner, mapLimit } from './exec';
import { findGitRepo, toSlash } from './repo';
import { formatIsoDay } from '../text/iso-day';

/** Where one flag is read: an absolute file and the lines worth blaming (the check's first line, the key's line). */
export interface UsageLines {
  key: string;
  file: string;
  lines: number[];
}

/** When a flag's usages were first and last written, as author dates (YYYY-MM-DD, UTC). */
export interface FlagActivity {
  firstSeen: string;
  lastTouched: string;
  /** Some usage lines are not committed yet (their date counts as today). */
  uncommitted: boolean;
}

export interface GitActivity {
  /** Set when git data was collected. */
  repoRoot?: string;
  head?: string;
  byKey: Map<string, FlagActivity>;
  /** Number of git processes run: 2 to find the repo, plus one blame per file with usages. */
  invocations: number;
  /** Why git data is missing or partial (not a repository, git not installed, a file that failed). */
  notes: string[];
}

export interface GitActivityOptions {
  /** Any folder inside the repository (usually the config root). */
  cwd: string;
  /** YYYY-MM-DD: the date used for lines not committed yet. */
  today: string;
  /** Parallel blame processes (default 4). */
  concurrency?: number;
  /** Called after each file is blamed. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Blames the usage lines of every flag, one `git blame` per file however many keys and commits there are,
 * and folds the author dates into first-seen / last-touched per key.
 */
export async function collectGitActivity(usages: readonly UsageLines[], options: GitActivityOptions): Promise<GitActivity> {
  const probe = new GitRunner(options.cwd);
  const found = await findGitRepo(options.cwd, probe);
  if (!('repo' in found)) return { byKey: new Map(), invocations: probe.invocations, notes: [found.note] };
  const { root, head } = found.repo;
  const git = new GitRunner(root);
  const linesByFile = new Map<string, Set<number>>();
  for (const usage of usages) {
    const set = linesByFile.get(usage.file) ?? new Set<number>();
    for (const line of usage.lines) set.add(line);
    linesByFile.set(usage.file, set);
  }
  const notes: string[] = [];
  const files = [...linesByFile.keys()].sort();
  let done = 0;
  const blamed = await mapLimit(files, options.concurrency ?? 4, async (file) => {
    try {
      return await blameOne(file);
    } finally {
      options.onProgress?.(++done, files.length);
    }
  });
  async function blameOne(file: string): Promise<Map<number, LineAuthorship>> {
    const relative = toSlash(path.relative(root, realPath(file)));
    if (relative.startsWith('../') || path.isAbsolute(relative)) {
      notes.push(`${toSlash(file)} is outside the git repository at ${root}: no age for its usages`);
      return new Map<number, LineAuthorship>();
    }
    try {
      return await blameLines(git, relative, [...linesByFile.get(file)!]);
    } catch (e) {
      notes.push(`${relative}: ${(e as Error).message}`);
      return new Map<number, LineAuthorship>();
    }
  }
  const blameByFile = new Map(files.map((file, i) => [file, blamed[i]]));
  const todaySeconds = Date.parse(`${options.today}T00:00:00Z`) / 1000;
  const byKey = new Map<string, { first: number; last: number; uncommitted: boolean }>();
  for (const usage of usages) {
    const blame = blameByFile.get(usage.file);
    for (const line of usage.lines) {
      const authorship = blame?.get(line);
      if (!authorship) continue;
      const uncommitted = authorship.authorTime === undefined;
      const time = authorship.authorTime ?? todaySeconds;
      const entry = byKey.get(usage.key);
      if (!entry) byKey.set(usage.key, { first: time, last: time, uncommitted });
      else {
        entry.first = Math.min(entry.first, time);
        entry.last = Math.max(entry.last, time);
        entry.uncommitted ||= uncommitted;
      }
    }
  }
  const activity = new Map<string, FlagActivity>();
  for (const [key, { first, last, uncommitted }] of byKey) {
    activity.set(key, { firstSeen: utcDate(first), lastTouched: utcDate(last), uncommitted });
  }
  return { repoRoot: root, head, byKey: activity, invocations: probe.invocations + git.invocations, notes: notes.sort() };
}

function utcDate(seconds: number): string {
  return formatIsoDay(new Date(seconds * 1000));
}

/** Symlinked temp folders (macOS /tmp) would otherwise look like they are outside the repository. */
function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
