import type { Command } from 'commander';
import { createColors } from 'picocolors';
import { expiryText, plural, type DebtReport, type FlagDebt } from '../../debt';
import { FLAG_STATUSES, type FlagStatus } from '../../model';
import { oneLine } from '../../report/control-chars';
import { escapeData, renderGithubAnnotations } from '../../report/github';
import { renderSarif } from '../../report/sarif';
import { addCacheOptions } from '../cache-options';
import { EXIT } from '../exit-codes';
import { gateProblems } from '../gate';
import { addConfigOption, formatOption, useColor, UsageError, wholeNumber, type CommonOptions } from '../options';
import { writeReport } from '../output';
import { action } from '../run';
import { analyzeDebt } from './report';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

interface CheckOptions extends CommonOptions {
  failOn: string;
  since?: string;
  sarif?: string;
  maxUsages: number;
  format: (typeof CHECK_FORMATS)[number];
  allowParseErrors?: boolean;
}

/**
 * `flagsweep check`: the CI gate. Prints only the flags that fail (and why), exit 1 when any does, 0 otherwise,
 * 2 on a usage or config error.
 */
export function registerCheck(program: Command): void {
  addCacheOptions(
    addConfigOption(
      program
        .command('check')
        .description('fail (exit 1) when flags have a status listed in --fail-on; for CI')
        .argument('[paths...]', 'files or folders to scan (default: the current folder)'),
    ),
  )
    .option('--fail-on <statuses>', `comma-separated statuses that fail the gate (${FLAG_STATUSES.join(', ')})`, 'expired')
    .option('--since <git-ref>', 'only flags whose usages are on lines added or changed since this ref (PR mode)')
    .option('--now <YYYY-MM-DD>', 'fix "today" for reproducible runs (default: $FLAGSWEEP_NOW or the clock)')
    .option('--offline', 'use only the flag file and cached remote state; no network')
    .option('--source-env <environment>', 'environment of remote flag sources (overrides the config)')
    .addOption(formatOption(CHECK_FORMATS, 'text'))
    .option('-o, --output <file>', 'write the result to a file instead of stdout (written whole or not at all)')
    .option('--sarif <file>', 'also write the failing usages as SARIF 2.1.0 (for code scanning)')
    .option('--allow-parse-errors', 'files that do not parse (or cannot be read) are listed but do not stop the gate')
    .option('--max-usages <n>', 'usages listed per failing flag', wholeNumber('--max-usages'), 10)
    .option('--color', 'ANSI colors even when not on a terminal (also FORCE_COLOR=1)')
    .option('--no-color', 'no ANSI colors (also NO_COLOR=1 or FORCE_COLOR=0)')
    .action(action(runCheck));
}

/**
 * The gate gives exit 0 only when it could look at everything: a flag source that can't be read, no file to
 * scan or a file that doesn't parse is exit 2 with one line each on stderr, and nothing is written.
 */
async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const failOn = parseFailOn(opts.failOn);
  const { result, debt } = await analyzeDebt(paths, opts, { git: false, since: opts.since, removable: 'none' });
  const problems = gateProblems(result, { allowParseErrors: opts.allowParseErrors });
  for (const note of problems.notes) process.stderr.write(`flagsweep check: note: ${note}\n`);
  if (problems.errors.length > 0) {
    for (const error of problems.errors) process.stderr.write(`flagsweep check: ${error}\n`);
    // In a workflow the reason also becomes an annotation on the run, not only a log line.
    if (opts.format === 'github') for (const error of problems.errors) process.stdout.write(`::error title=flagsweep check::${escapeData(error)}\n`);
    return EXIT.USAGE;
  }
  const failing = debt.flags.filter((f) => failOn.includes(f.status));
  if (opts.sarif) writeReport(renderSarif(debt, { statuses: failOn }), opts.sarif, '--sarif');
  writeReport(renderCheck(opts, debt, failing, failOn, result.config.root), opts.output);
  return failing.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

function renderCheck(opts: CheckOptions, debt: DebtReport, failing: FlagDebt[], failOn: FlagStatus[], root: string): string {
  switch (opts.format) {
    case 'json':
      return formatCheckJson(debt, failing, failOn);
    case 'sarif':
      return renderSarif(debt, { statuses: failOn });
    case 'github': {
      const verdict = formatCheck(debt, failing, failOn, 0, false).split('\n')[0];
      return renderGithubAnnotations(debt, failing, { root, workspace: process.env.GITHUB_WORKSPACE || process.cwd() }) + `${verdict}\n`;
    }
    case 'text':
      return formatCheck(debt, failing, failOn, opts.maxUsages, useColor(opts));
  }
}

/** `check --format json`: the gate's verdict and the failing flags, versioned like the other JSON outputs. */
export function formatCheckJson(debt: DebtReport, failing: FlagDebt[], failOn: FlagStatus[]): string {
  const flags = failing.map((f) => ({
    key: f.key,
    status: f.status,
    reason: f.reason,
    ...(f.owner ? { owner: f.owner } : {}),
    ...(f.expires ? { expires: f.expires } : {}),
    ...(f.hasWinningValue ? { winningValue: f.winningValue } : {}),
    usages: f.usages.map((u) => ({ file: u.file, line: u.line, column: u.column, kind: u.kind, ...(u.changed ? { changed: true } : {}) })),
    fix: cleanupCommand(f),
  }));
  const gate = { failOn, passed: failing.length === 0, checked: debt.flags.length, failing: failing.length, ...(debt.since ? { since: debt.since.ref } : {}) };
  return `${JSON.stringify({ version: 1, gate, flags }, null, 2)}\n`;
}

export function parseFailOn(value: string): FlagStatus[] {
  const statuses = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses.length === 0) throw new UsageError('--fail-on: give at least one status');
  for (const s of statuses) {
    if (!(FLAG_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(`--fail-on: unknown status "${s}" (expected one or more of ${FLAG_STATUSES.join(', ')})`);
    }
  }
  return [...new Set(statuses)] as FlagStatus[];
}

function formatCheck(debt: DebtReport, failing: FlagDebt[], failOn: FlagStatus[], maxUsages: number, color: boolean): string {
  const c = createColors(color);
  const scope = debt.since ? ` touched since ${debt.since.ref}` : '';
  const gate = `--fail-on ${failOn.join(',')}`;
  if (failing.length === 0) {
    return `${c.green('✔')} flagsweep check: no flag fails (${gate}); ${plural(debt.flags.length, 'flag')}${scope} checked\n`;
  }
  const out: string[] = [];
  const counts = failOn.filter((s) => failing.some((f) => f.status === s)).map((s) => `${s}: ${failing.filter((f) => f.status === s).length}`);
  out.push(c.red(c.bold(`✖ flagsweep check: ${plural(failing.length, 'flag')}${scope} fail${failing.length === 1 ? 's' : ''} (${gate}); ${counts.join(', ')}`)));
  for (const f of failing) {
    const facts = [f.status, f.owner ? `owner ${oneLine(f.owner)}` : 'no owner', ...(f.expires ? [`expires ${expiryText(f)}`] : [])];
    out.push('', `${c.bold(oneLine(f.key))}  ${c.red(facts[0])}  ${c.dim(facts.slice(1).join(', '))}`);
    out.push(`  ${oneLine(f.reason)}`);
    for (const u of f.usages.slice(0, maxUsages)) out.push(`  ${oneLine(u.file)}:${u.line}:${u.column}${u.changed ? c.dim('  (changed)') : ''}`);
    if (f.usages.length > maxUsages) out.push(c.dim(`  … and ${f.usages.length - maxUsages} more`));
    out.push(c.cyan(`  fix: ${oneLine(cleanupCommand(f))}`));
  }
  return out.join('\n') + '\n';
}

/** What to run to remove the flag: with its winning value when it has one, else the value is the team's choice. */
export function cleanupCommand(f: FlagDebt): string {
  if (!f.hasWinningValue) return `flagsweep cleanup ${f.key} --value <the value to keep>`;
  const value = typeof f.winningValue === 'string' ? f.winningValue : JSON.stringify(f.winningValue);
  return `flagsweep cleanup ${f.key} --value ${/^[\w.-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`;
}
