import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { GitError } from '../../git';
import { removeActiveWorktreesSync } from '../../git/worktree';
import { FLAG_STATUSES, type FlagStatus } from '../../model';
import { DEFAULT_BRANCH_PREFIX } from '../../sweep/plan';
import { runSweep } from '../../sweep/run';
import { DEFAULT_SWEEP_STATUSES } from '../../sweep/select';
import type { SweepResult } from '../../sweep/types';
import { EXIT } from '../exit-codes';
import { UsageError, addConfigOption, checkPathsExist, resolveToday } from '../options';
import { action } from '../run';
import { writeAllOrNothing } from '../write';
import { formatSweepText } from './sweep-text';

interface SweepCliOptions {
  config?: string;
  now?: string;
  offline?: boolean;
  sourceEnv?: string;
  status: string;
  base?: string;
  branchPrefix: string;
  prDir?: string;
  push?: string;
  max?: string;
  groupBy?: 'owner';
  dryRun?: boolean;
  format: 'text' | 'json';
  includePartial?: boolean;
}

/** `flagsweep sweep`: one verified cleanup branch (and its pull-request text) per flag that is due. */
export function registerSweep(program: Command): void {
  addConfigOption(
    program
      .command('sweep')
      .description('one branch per expired or stale flag, each holding its verified removal, with pull-request text; built in temporary worktrees')
      .argument('[paths...]', 'files or folders to sweep (default: the whole project)'),
  )
    .option('--status <statuses>', 'comma-separated statuses to sweep', DEFAULT_SWEEP_STATUSES.join(','))
    .option('--base <ref>', 'branch every cleanup from this ref (default: HEAD)')
    .option('--branch-prefix <prefix>', 'branch name prefix', DEFAULT_BRANCH_PREFIX)
    .option('--pr-dir <dir>', 'write each pull-request text to DIR/<KEY>.md')
    .option('--push <remote>', 'push the branches to this remote')
    .option('--max <n>', 'at most this many branches, most debt first')
    .addOption(new Option('--group-by <what>', 'one branch per owner instead of one per flag').choices(['owner']))
    .option('--dry-run', 'print the plan; create no branch, commit, push or file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--include-partial', 'also commit cleanups that leave sites for a person (listed in the pull-request text)')
    .option('--now <YYYY-MM-DD>', 'fix "today" for reproducible runs (default: $FLAGSWEEP_NOW or the clock)')
    .option('--offline', 'use only the flag file and cached remote state; no network')
    .option('--source-env <environment>', 'environment of remote flag sources (overrides the config)')
    .action(
      action(async (paths: string[], opts: SweepCliOptions) => {
        checkPathsExist(paths);
        const statuses = parseStatuses(opts.status);
        const max = parseMax(opts.max);
        if (!opts.branchPrefix || /\s/.test(opts.branchPrefix)) throw new UsageError(`--branch-prefix: "${opts.branchPrefix}" is not a usable branch prefix`);
        const now = resolveToday(opts);
        // Loaded here: the engine brings TypeScript (~0.4 s) that the other commands never need.
        const { cleanupFlag } = require('../../cleanup') as typeof import('../../cleanup');
        const stopSignals = onSignalsRemoveWorktrees();
        let result: SweepResult;
        try {
          result = await runSweep({
            cwd: process.cwd(),
            paths,
            configFile: opts.config,
            now,
            env: process.env,
            offline: opts.offline,
            sourceEnvironment: opts.sourceEnv,
            statuses,
            base: opts.base,
            prefix: opts.branchPrefix,
            push: opts.push,
            max,
            groupBy: opts.groupBy,
            dryRun: !!opts.dryRun,
            includePartial: !!opts.includePartial,
            writeFiles: (changes) => writeAllOrNothing(changes),
            cleanupFlag,
            onProgress: (message) => {
              if (process.stderr.isTTY) process.stderr.write(`flagsweep: ${message}\n`);
            },
          });
        } catch (e) {
          if (e instanceof GitError) throw new UsageError(e.message);
          throw e;
        } finally {
          stopSignals();
        }
        if (opts.prDir && !opts.dryRun) writePullRequestTexts(result, path.resolve(opts.prDir));
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(formatSweepText(result));
        const unswept = result.branches.some((b) => b.state === 'skipped' || b.pushed === false) || result.notEligible.length > 0;
        return unswept ? EXIT.FINDINGS : EXIT.OK;
      }),
    );
}

function parseStatuses(text: string): FlagStatus[] {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError('--status: name at least one status');
  for (const s of list) if (!FLAG_STATUSES.includes(s as FlagStatus)) throw new UsageError(`--status: "${s}" is not a status (one of ${FLAG_STATUSES.join(', ')})`);
  return list as FlagStatus[];
}

function parseMax(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--max: "${text}" is not a positive whole number`);
  return Number(text);
}

/** Each branch's text goes to DIR/<id>.md; branches that were skipped get none. */
function writePullRequestTexts(result: SweepResult, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const b of result.branches) {
    if (b.state === 'skipped') continue;
    const file = path.join(dir, `${b.id}.md`);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, b.body);
    fs.renameSync(tmp, file);
    b.prFile = file.replace(/\\/g, '/');
  }
}

/** Ctrl-C or a CI cancel must not leave temporary worktrees registered in the user's repository. */
function onSignalsRemoveWorktrees(): () => void {
  const handler = (signal: NodeJS.Signals) => {
    const left = removeActiveWorktreesSync();
    const what = left.length === 0 ? 'temporary worktrees removed' : `could not remove ${left.join(', ')}`;
    process.stderr.write(`flagsweep: ${signal}: ${what}, nothing pushed\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
