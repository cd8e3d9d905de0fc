import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, sourceLabel } from '../analyze';
import type { CleanupResult, FileChange } from '../cleanup';
import { loadConfig, type ResolvedConfig } from '../config/load';
import { collectDebt } from '../debt/collect';
import { GitError, GitRunner, findGitRepo, resolveCommit } from '../git';
import { blobAt, changedPaths, checkBranchName, checkedOutBranches, commitsSince, fetchBranches, hashFiles, pushBranch, refCommit, setBranch } from '../git/branches';
import { commitPaths } from '../git/commit';
import { QUIET_GIT, withWorktree, type TempWorktree } from '../git/worktree';
import { readTextFile } from '../fs/read';
import { formatDay } from '../lifecycle/dates';
import type { FlagStatus } from '../model';
import { CODEOWNERS_PATHS, ghReviewers, parseCodeowners, reviewersFor, type CodeownersRule } from './owners';
import { planBranches } from './plan';
import { selectDueFlags } from './select';
import { SWEEP_SUBJECT, branchTitle, commitMessage, pullRequestBody } from './text';
import type { BranchOutcome, BranchPlan, FlagOutcome, SweepFlag, SweepResult, VerificationSummary } from './types';

/** GitHub reads CODEOWNERS files up to 3 MB. */
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

export interface SweepOptions {
  /** Where the command runs: the repository is the one containing it. */
  cwd: string;
  /** Files or folders to sweep (default: the whole project of the config). */
  paths: string[];
  configFile?: string;
  now: Date;
  env: Record<string, string | undefined>;
  offline?: boolean;
  sourceEnvironment?: string;
  statuses: readonly FlagStatus[];
  /** The ref branches start from (default: HEAD). */
  base?: string;
  prefix: string;
  /** Push branches to this remote. */
  push?: string;
  max?: number;
  groupBy?: 'owner';
  dryRun: boolean;
  includePartial: boolean;
  /** Writes a verified cleanup's files, all or none (the CLI's writer). Only ever called on a temporary worktree. */
  writeFiles: (changes: readonly FileChange[]) => Promise<void> | void;
  /** The cleanup engine's entry point; loaded lazily by the caller (it brings TypeScript). */
  cleanupFlag: typeof import('../cleanup').cleanupFlag;
  onProgress?: (message: string) => void;
}

/**
 * `flagsweep sweep`: for every flag that is due, a branch holding its verified removal, built in a temporary
 * worktree of the base commit. The user's work tree, index and current branch are never read or written.
 * Never prints; returns what it did (or, in a dry run, would do).
 */
export async function runSweep(opts: SweepOptions): Promise<SweepResult> {
  const found = await findGitRepo(opts.cwd);
  if (!('repo' in found)) throw new GitError(`sweep needs a git repository: ${found.note.replace(/: age and activity skipped$/, '')}`);
  const repoRoot = found.repo.root;
  if (!found.repo.head && !opts.base) throw new GitError('the repository has no commit yet: nothing to branch from');
  const git = new GitRunner(repoRoot);
  const baseRef = opts.base ?? (await currentBranchName(git));
  const base = await resolveCommit(repoRoot, opts.base ?? 'HEAD');
  if (opts.push) await checkRemote(git, opts.push);
  const progress = opts.onProgress ?? (() => undefined);
  const mapper = pathMapper(repoRoot, opts.cwd);
  const userConfig = loadConfig(mapper.user(opts.paths[0] ?? '.'), opts.configFile ? path.resolve(opts.cwd, opts.configFile) : undefined);
  const configInRepo = mapper.toRepo(userConfig.configFile ?? userConfig.root);
  const pathsInRepo = opts.paths.map((p) => mapper.toRepo(path.resolve(opts.cwd, p)));
  const rootInRepo = mapper.toRepo(userConfig.root);

  await git.run(['worktree', 'prune']);
  if (opts.push && !opts.dryRun) {
    progress(`fetching ${opts.prefix}* from ${opts.push}`);
    await fetchBranches(git, opts.push, opts.prefix);
  }

  const today = formatDay(opts.now);
  progress(`analysing ${shortRef(baseRef)} (${base.slice(0, 12)}) in a temporary worktree`);
  const analysis = await withWorktree(repoRoot, base, async (tree) => {
    prepare(tree, repoRoot, userConfig, rootInRepo);
    const inTree = (rel: string) => path.join(tree.dir, rel);
    for (const p of pathsInRepo) if (!fs.existsSync(inTree(p))) throw new GitError(`${p || '.'}: not in ${shortRef(baseRef)} (sweep cleans committed code only)`);
    const result = await analyze({
      paths: pathsInRepo.length > 0 ? pathsInRepo.map(inTree) : [inTree(rootInRepo)],
      cwd: inTree(rootInRepo),
      configFile: userConfig.configFile ? inTree(configInRepo) : undefined,
      now: opts.now,
      env: opts.env,
      offline: opts.offline,
      sourceEnvironment: opts.sourceEnvironment,
    });
    const debt = await collectDebt({ records: result.records, root: result.config.root, today, git: true, diagnostics: result.diagnostics });
    return { result, debt, treeDir: tree.dir };
  });
  const { due, notEligible } = selectDueFlags({
    records: analysis.result.records,
    debt: analysis.debt.flags,
    snapshots: analysis.result.snapshots,
    statuses: opts.statuses,
    rootInRepo,
    repoRoot: analysis.treeDir,
    sourceLabel: sourceLabel(analysis.result.config),
  });
  const { branches: plans, leftOut } = planBranches(due, { prefix: opts.prefix, groupBy: opts.groupBy, max: opts.max });
  for (const f of leftOut) notEligible.push({ key: f.key, status: f.status, reason: `left for a later sweep (--max ${opts.max})` });

  const checkedOut = await checkedOutBranches(git);
  const branches: BranchOutcome[] = [];
  for (const plan of plans) {
    progress(`${plan.branch}: cleaning ${plan.flags.map((f) => f.key).join(', ')}`);
    await checkBranchName(git, plan.branch);
    branches.push(
      await sweepBranch(plan, {
        opts,
        git,
        repoRoot,
        base,
        baseRef,
        today,
        userConfig,
        rootInRepo,
        configInRepo,
        pathsInRepo,
        checkedOut,
      }),
    );
  }
  const notes = [
    ...analysis.result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.where}${d.line ? `:${d.line}` : ''}: ${d.message}`),
    ...analysis.debt.git.notes.map((n) => n.replace(/\/tmp\/flagsweep-sweep-[^/]+\/tree\/?/g, '')),
  ];
  return { version: 1, dryRun: opts.dryRun, today, base: { ref: baseRef, commit: base }, repoRoot, ...(opts.push ? { remote: opts.push } : {}), branches, notEligible, notes };
}

interface BranchContext {
  opts: SweepOptions;
  git: GitRunner;
  repoRoot: string;
  base: string;
  baseRef: string;
  today: string;
  userConfig: ResolvedConfig;
  rootInRepo: string;
  configInRepo: string;
  pathsInRepo: string[];
  checkedOut: Set<string>;
}

async function sweepBranch(plan: BranchPlan, ctx: BranchContext): Promise<BranchOutcome> {
  const { opts, git, base } = ctx;
  const local = await refCommit(git, `refs/heads/${plan.branch}`);
  const remote = opts.push ? await refCommit(git, `refs/remotes/${opts.push}/${plan.branch}`) : undefined;
  const previous = local ?? remote;
  const outcome: BranchOutcome = {
    branch: plan.branch,
    id: plan.id,
    state: 'skipped',
    title: branchTitle(plan.flags, plan.owner),
    ...(previous ? { previous } : {}),
    owners: [...new Set(plan.flags.map((f) => f.owner).filter((o): o is string => !!o))],
    reviewers: [],
    ghReviewers: [],
    flags: [],
    body: '',
  };
  if (ctx.checkedOut.has(plan.branch)) {
    outcome.skipReason = 'the branch is checked out in a work tree: switch away from it to let sweep update it';
    outcome.flags = plan.flags.map((f) => skippedOutcome(f, outcome.skipReason!));
    return outcome;
  }
  const existing = previous ? await existingSweep(git, base, previous) : undefined;
  if (existing?.edited) {
    outcome.skipReason = `a person added commits to it (${existing.edited.slice(0, 12)}): left alone`;
    outcome.flags = plan.flags.map((f) => skippedOutcome(f, outcome.skipReason!));
    return outcome;
  }

  await withWorktree(ctx.repoRoot, base, async (tree) => {
    prepare(tree, ctx.repoRoot, ctx.userConfig, ctx.rootInRepo);
    const inTree = (rel: string) => path.join(tree.dir, rel);
    const config = loadConfig(inTree(ctx.rootInRepo), ctx.userConfig.configFile ? inTree(ctx.configInRepo) : undefined);
    const removeDefinition = await flagFilesTracked(tree, config);
    const rules = readCodeowners(tree.dir);
    for (const flag of plan.flags) {
      const result = await opts.cleanupFlag({
        config,
        key: flag.key,
        value: flag.value,
        scope: { kind: 'project', paths: ctx.pathsInRepo.length > 0 ? ctx.pathsInRepo.map(inTree) : undefined },
        removeDefinition,
        verify: true,
      });
      keepDefinitionWhileRead(result, config);
      const flagOutcome = toOutcome(flag, result, tree.dir, config, opts.includePartial);
      if (flagOutcome.outcome === 'cleaned') {
        await opts.writeFiles(result.files);
        if (!opts.dryRun) {
          const files = flagOutcome.files.map((f) => f.file);
          const reviewers = reviewersFor({ owners: flag.owner ? [flag.owner] : [], ownersMap: config.owners, rules, files });
          flagOutcome.commit = await commitPaths(tree.git, files, commitMessage(flag, flagOutcome, reviewers));
        }
      }
      outcome.flags.push(flagOutcome);
    }
    const cleaned = outcome.flags.filter((f) => f.outcome === 'cleaned');
    const files = [...new Set(cleaned.flatMap((f) => f.files.map((x) => x.file)))].sort();
    outcome.reviewers = reviewersFor({ owners: outcome.owners, ownersMap: config.owners, rules, files });
    outcome.ghReviewers = ghReviewers(outcome.reviewers);
    if (cleaned.length === 0) {
      outcome.skipReason = plan.flags.length === 1 ? outcome.flags[0].skipReason : 'none of its flags could be cleaned (see each flag)';
      return;
    }
    outcome.title = branchTitle(cleaned, plan.owner);
    const upToDate = existing && previous ? await sameChange(tree, base, previous, existing.commits, files) : false;
    if (upToDate && existing) {
      outcome.state = 'up-to-date';
      outcome.commit = previous;
      for (const f of cleaned) f.commit = existing.byKey.get(f.key) ?? f.commit;
    } else {
      outcome.state = previous ? 'rebuilt' : 'created';
      if (!opts.dryRun) {
        outcome.commit = (await tree.git.run(['rev-parse', 'HEAD'])).trim();
        await setBranch(git, plan.branch, outcome.commit, local, `flagsweep sweep: ${outcome.title}`);
      }
    }
  });

  if (outcome.state !== 'skipped') {
    outcome.body = pullRequestBody({ branch: outcome, flags: plan.flags, baseRef: ctx.baseRef, today: ctx.today });
    if (opts.push && !opts.dryRun && outcome.commit) {
      if (remote === outcome.commit) outcome.pushed = true;
      else {
        try {
          await pushBranch(git, opts.push, plan.branch, remote);
          outcome.pushed = true;
        } catch (e) {
          outcome.pushed = false;
          outcome.skipReason = `push to ${opts.push} failed: ${(e as Error).message}`;
        }
      }
    }
  }
  return outcome;
}

/**
 * While code still reads the flag (sites left for a person), its definition stays: without it the flag would be
 * "missing" and those reads would return their code default instead of the value the flag serves.
 */
function keepDefinitionWhileRead(result: CleanupResult, config: ResolvedConfig): void {
  if (result.leftForHuman.length === 0) return;
  const flagFiles = new Set(config.sources.flatMap((s) => (s.type === 'flagd' ? [path.resolve(config.root, s.path).replace(/\\/g, '/')] : [])));
  const kept = result.files.filter((f) => !flagFiles.has(f.file));
  if (kept.length === result.files.length) return;
  result.files = kept;
  result.stats.linesRemoved = kept.reduce((n, f) => n + f.linesRemoved, 0);
}

/** What an existing sweep branch holds: its own commits since the base, by flag, or the first commit a person added. */
async function existingSweep(git: GitRunner, base: string, tip: string): Promise<{ commits: number; byKey: Map<string, string>; edited?: string }> {
  const commits = await commitsSince(git, base, tip);
  const byKey = new Map<string, string>();
  for (const c of commits) {
    const m = SWEEP_SUBJECT.exec(c.subject);
    if (!m || c.parents.length !== 1) return { commits: commits.length, byKey, edited: c.commit };
    byKey.set(m[1], c.commit);
  }
  return { commits: commits.length, byKey };
}

/** The existing branch starts at `base` and changes exactly these files to exactly what the worktree now holds. */
async function sameChange(tree: TempWorktree, base: string, tip: string, commits: number, files: readonly string[]): Promise<boolean> {
  if (commits === 0) return false;
  const start = await refCommit(tree.git, `${tip}~${commits}`);
  if (start !== base) return false;
  const changed = await changedPaths(tree.git, base, tip);
  if (changed.length !== files.length || changed.some((f, i) => f !== files[i])) return false;
  const now = await hashFiles(tree.git, files);
  for (const [i, file] of files.entries()) if ((await blobAt(tree.git, tip, file)) !== now[i]) return false;
  return true;
}

function toOutcome(flag: SweepFlag, result: CleanupResult, treeDir: string, config: ResolvedConfig, includePartial: boolean): FlagOutcome {
  const rel = (file: string) => path.relative(treeDir, file).replace(/\\/g, '/');
  const flagFiles = new Set(config.sources.filter((s) => s.type === 'flagd').map((s) => rel(path.resolve(config.root, s.path))));
  const files = result.files.map((f) => ({ file: rel(f.file), linesRemoved: f.linesRemoved }));
  const outcome: FlagOutcome = {
    key: flag.key,
    value: flag.value,
    outcome: 'cleaned',
    files,
    linesRemoved: result.stats.linesRemoved,
    checksCleaned: result.stats.checksCleaned,
    leftForHuman: result.leftForHuman.map((s) => ({ file: rel(s.file), line: s.line, column: s.column, reason: s.reason })),
    testsToReview: result.testsToReview.map((s) => ({ file: rel(s.file), line: s.line, column: s.column, reason: s.reason })),
    errors: result.errors.map((e) => ({ ...e, ...(e.file ? { file: rel(e.file) } : {}), message: e.message.split(treeDir + '/').join('') })),
    verification: verificationOf(result, rel),
  };
  const definition = files.find((f) => flagFiles.has(f.file));
  if (definition) outcome.definitionRemovedFrom = definition.file;
  const skip = skipReason(outcome, includePartial);
  if (skip) {
    outcome.outcome = 'skipped';
    outcome.skipReason = skip;
  }
  return outcome;
}

/** Why a flag's cleanup is not committed: errors, a failed or missing verification, sites left for a person. */
function skipReason(o: FlagOutcome, includePartial: boolean): string | undefined {
  const failed = o.errors.filter((e) => e.kind === 'verification');
  if (o.verification.newDiagnostics.length > 0 || failed.length > 0) {
    const d = o.verification.newDiagnostics[0];
    return `the cleanup would break the type check${d ? `: ${d.file}:${d.line}:${d.column} TS${d.code} ${d.message}` : `: ${failed[0].message}`}`;
  }
  if (o.errors.length > 0) return `the cleanup failed: ${o.errors[0].message}`;
  const left = o.leftForHuman.length;
  const site = left > 0 ? `${left} site${left === 1 ? '' : 's'} left for a person (${o.leftForHuman[0].file}:${o.leftForHuman[0].line}: ${o.leftForHuman[0].reason})` : '';
  if (o.files.length === 0) return left > 0 ? `nothing could be cleaned: ${site}` : 'nothing to change: no check of it in the swept files';
  if (o.verification.mode === 'skipped') return 'the cleanup was not verified';
  if (left > 0 && !includePartial) return `${site}; --include-partial commits the rest`;
  return undefined;
}

function verificationOf(result: CleanupResult, rel: (f: string) => string): VerificationSummary {
  const v = result.verification;
  return {
    mode: v.mode,
    newDiagnostics: v.newDiagnostics.map((d) => ({ file: rel(d.file), line: d.line, column: d.column, code: d.code, message: d.message })),
    checkedFiles: v.checkedFiles.length,
    tsconfigs: v.tsconfigs.map(rel),
  };
}

function skippedOutcome(flag: SweepFlag, reason: string): FlagOutcome {
  return {
    key: flag.key,
    value: flag.value,
    outcome: 'skipped',
    skipReason: reason,
    files: [],
    linesRemoved: 0,
    checksCleaned: 0,
    leftForHuman: [],
    errors: [],
    verification: { mode: 'skipped', newDiagnostics: [], checkedFiles: 0, tsconfigs: [] },
  };
}

/**
 * Makes a fresh worktree look like the user's checkout where it matters: installed dependencies (linked, for the
 * type check), and a config or flag file the repository does not track (copied, so flags and their state are the
 * same; never committed, since only the cleanup's files are staged and an untracked flag file keeps its definition).
 */
function prepare(tree: TempWorktree, repoRoot: string, config: ResolvedConfig, rootInRepo: string): void {
  tree.linkDependencies(repoRoot, [...new Set(['.', rootInRepo || '.'])]);
  const flagFiles = config.sources.flatMap((s) => (s.type === 'flagd' ? [path.resolve(config.root, s.path)] : []));
  for (const file of [...(config.configFile ? [config.configFile] : []), ...flagFiles]) {
    const rel = path.relative(realPath(repoRoot), realPath(file));
    if (rel.startsWith('..')) continue;
    const target = path.join(tree.dir, rel);
    const from = path.join(repoRoot, rel);
    if (!fs.existsSync(target) && fs.existsSync(from)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(from, target);
    }
  }
}

/** The flag definition is removed only when every flagd file is tracked: an untracked one is not the repository's to change. */
async function flagFilesTracked(tree: TempWorktree, config: ResolvedConfig): Promise<boolean> {
  const files = config.sources.filter((s) => s.type === 'flagd').map((s) => path.relative(tree.dir, path.resolve(config.root, s.path)));
  if (files.length === 0) return false;
  try {
    await tree.git.run([...QUIET_GIT, 'ls-files', '--error-unmatch', '--', ...files]);
    return true;
  } catch {
    return false;
  }
}

function readCodeowners(dir: string): CodeownersRule[] {
  for (const p of CODEOWNERS_PATHS) {
    const file = path.join(dir, p);
    if (!fs.existsSync(file)) continue;
    // A FIFO or a device of that name is never waited on; one that cannot be read names no owners.
    try {
      return parseCodeowners(readTextFile(file, { maxBytes: MAX_CODEOWNERS_BYTES }));
    } catch {
      return [];
    }
  }
  return [];
}

async function currentBranchName(git: GitRunner): Promise<string> {
  const name = (await git.run(['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
  return name === 'HEAD' ? (await git.run(['rev-parse', '--short', 'HEAD'])).trim() : name;
}

async function checkRemote(git: GitRunner, remote: string): Promise<void> {
  const remotes = (await git.run(['remote'])).split('\n').map((r) => r.trim());
  if (!remotes.includes(remote)) throw new GitError(`--push: no remote named "${remote}" (remotes: ${remotes.filter(Boolean).join(', ') || 'none'})`);
}

function shortRef(ref: string): string {
  return ref.length === 40 ? ref.slice(0, 12) : ref;
}

function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** Maps the user's paths (anywhere inside the repository, symlinks resolved) to repository-relative ones. */
function pathMapper(repoRoot: string, cwd: string) {
  const real = realPath;
  const top = real(repoRoot);
  return {
    user: (p: string) => path.resolve(cwd, p),
    toRepo(abs: string): string {
      const rel = path.relative(top, real(abs)).replace(/\\/g, '/');
      if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) throw new GitError(`${abs} is outside the git repository at ${repoRoot}`);
      return rel;
    },
  };
}
