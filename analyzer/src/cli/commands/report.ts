import { Option, type Command } from 'commander';
import { analyze, type AnalysisResult } from '../../analyze';
import { cleanupDryRunLines, collectDebt, type DebtReport } from '../../debt';
import { GitError } from '../../git';
import { formatDay } from '../../lifecycle/dates';
import { REPORTERS, REPORT_FORMATS, type ReportFormat } from '../../report/reporters';
import { TOOL_VERSION } from '../../tool-version';
import { findSweepBranches, type SweepBranchInfo } from '../../sweep/branches';
import { DEFAULT_BRANCH_PREFIX } from '../../sweep/plan';
import { EXIT } from '../exit-codes';
import { addCacheOptions, cacheSettings, type CacheCliOptions } from '../cache-options';
import { addAnalysisOptions, checkPathsExist, formatOption, resolveToday, useColor, UsageError, type CommonOptions } from '../options';
import { writeReport } from '../output';
import { createProgress } from '../progress';
import { action } from '../run';

export { REPORT_FORMATS, type ReportFormat } from '../../report/reporters';

interface ReportOptions extends CommonOptions, CacheCliOptions {
  format: ReportFormat;
  repoUrl?: string;
  git: boolean;
  since?: string;
  removable: 'action' | 'all' | 'none';
  sweepPrefix: string;
}

/** `flagsweep report`: the debt report in one of six formats. Exit 0 unless usage/config error. */
export function registerReport(program: Command): void {
  addCacheOptions(
    addAnalysisOptions(
      program
        .command('report')
        .description('report flag debt: age and activity from git, owners, expiry, removable lines; text, json, markdown, html, sarif or csv')
        .argument('[paths...]', 'files or folders to scan (default: the current folder)'),
    ),
  )
    .addOption(formatOption(REPORT_FORMATS, 'text'))
    .option('--repo-url <url>', 'repository web address: usages become links (markdown, html) and SARIF records it')
    .option('--no-git', 'skip age and activity from git blame')
    .option('--sweep-prefix <prefix>', 'branch prefix of flagsweep sweep: markdown and html show each flag\'s sweep branch', DEFAULT_BRANCH_PREFIX)
    .option('--since <git-ref>', 'only flags whose usages are on lines added or changed since this ref (PR mode)')
    .addOption(
      new Option('--removable <flags>', 'which flags get a cleanup dry run to count removable lines')
        .choices(['action', 'all', 'none'])
        .default('action'),
    )
    .action(
      action(async (paths: string[], opts: ReportOptions) => {
        const repoUrl = checkRepoUrl(opts.repoUrl);
        const { result, debt } = await analyzeDebt(paths, opts, { git: opts.git, since: opts.since, removable: opts.removable });
        const sweepBranches = opts.git && (opts.format === 'markdown' || opts.format === 'html') ? await findSweepBranches(result.config.root, opts.sweepPrefix) : undefined;
        writeReport(renderReport(opts.format, result, debt, { repoUrl, color: useColor(opts), sweepBranches }), opts.output);
        return EXIT.OK;
      }),
    );
}

export interface DebtRun {
  result: AnalysisResult;
  debt: DebtReport;
}

/** Scan (with a progress line on a TTY), then git and cleanup look-ups. Git problems with --since are usage errors. */
export async function analyzeDebt(
  paths: string[],
  opts: CommonOptions & CacheCliOptions,
  want: { git: boolean; since?: string; removable: 'action' | 'all' | 'none' },
): Promise<DebtRun> {
  checkPathsExist(paths);
  const now = resolveToday(opts);
  const progress = createProgress();
  let result: AnalysisResult;
  try {
    result = await analyze({
      paths,
      cwd: process.cwd(),
      configFile: opts.config,
      now,
      env: process.env,
      offline: opts.offline,
      sourceEnvironment: opts.sourceEnv,
      onProgress: (done, total) => progress.onProgress(done, total),
      ...cacheSettings(opts),
    });
  } finally {
    progress.stop();
  }
  const later = createProgress();
  try {
    const debt = await collectDebt({
      records: result.records,
      dynamic: result.dynamic,
      root: result.config.root,
      today: formatDay(now),
      git: want.git,
      since: want.since,
      removableLines: want.removable === 'none' ? undefined : cleanupDryRunLines(result.config),
      removableFor: want.removable === 'all' ? 'all' : 'action',
      diagnostics: result.diagnostics,
      tool: { name: 'flagsweep', version: TOOL_VERSION },
      onProgress: (phase, done, total) =>
        later.onProgress(done, total, phase === 'blame' ? `git blame ${done}/${total} files` : `cleanup dry run ${done}/${total} flags`),
    });
    return { result, debt };
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  } finally {
    later.stop();
  }
}

export function renderReport(format: ReportFormat, result: AnalysisResult, debt: DebtReport, opts: { repoUrl?: string; color: boolean; sweepBranches?: ReadonlyMap<string, SweepBranchInfo> }): string {
  return REPORTERS[format]({ result, debt, ...opts });
}

function checkRepoUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+/i.test(url)) throw new UsageError(`--repo-url: "${url}" is not an http(s) address`);
  return url;
}
