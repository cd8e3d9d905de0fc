import type { Command } from 'commander';
import { cleanupCommand as sharedCleanupCommand } from '../../session/cleanup-command';
import { createColors } from 'picocolors';
import { expiryText, plural, type DebtReport, type FlagDebt } from '../../debt';
import { keyViolationMessage, namingFindings, type NamingFinding } from '../../keys/naming';
import { FLAG_STATUSES, type FlagStatus } from '../../model';
import { relativePath } from '../../report/paths';
import { oneLine } from '../../report/control-chars';
import { escapeData, escapeProperty, renderGithubAnnotations } from '../../report/github';
import { renderSarif } from '../../report/sarif';
import { addCacheOptions } from '../cache-options';
import { EXIT } from '../exit-codes';
import { gateProblems } from '../gate';
import { addConfigOption, formatOption, useColor, UsageError, wholeNumber, type CommonOptions } from '../options';
import { writeReport } from '../output';
import { action } from '../run';
import { analyzeDebt } from './report';

const NAMING = 'naming';

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
    .option('--fail-on <statuses>', `comma-separated statuses that fail the gate (${FLAG_STATUSES.join(', ')}), or naming (keys that break the "keys" policy)`, 'expired')
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
  const { statuses: failOn, naming } = parseFailOn(opts.failOn);
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
  const badNames = naming ? namingFindings(result.records, result.config.keys) : [];
  if (opts.sarif) writeReport(renderSarif(debt, { statuses: failOn }), opts.sarif, '--sarif');
  const namingGate = naming ? namingReport(badNames, result.config.root) : undefined;
  writeReport(renderCheck(opts, debt, failing, failOn, result.config.root, namingGate), opts.output);
  return failing.length > 0 || badNames.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

function renderCheck(opts: CheckOptions, debt: DebtReport, failing: FlagDebt[], failOn: FlagStatus[], root: string, naming?: NamingReport[]): string {
  const statusPart = failOn.length > 0 || !naming;
  switch (opts.format) {
    case 'json':
      return formatCheckJson(debt, failing, failOn, naming);
    case 'sarif':
      return renderSarif(debt, { statuses: failOn });
    case 'github': {
      const verdict = statusPart ? `${formatCheck(debt, failing, failOn, 0, false).split('\n')[0]}\n` : '';
      return renderGithubAnnotations(debt, failing, { root, workspace: process.env.GITHUB_WORKSPACE || process.cwd() }) + namingAnnotations(naming ?? []) + verdict + (naming ? `${namingText(naming, false).split('\n')[0]}\n` : '');
    }
    case 'text': {
      const color = useColor(opts);
      const statusText = statusPart ? formatCheck(debt, failing, failOn, opts.maxUsages, color) : '';
      return statusText + (naming && (naming.length > 0 || !statusPart) ? `${statusText ? '\n' : ''}${namingText(naming, color)}` : '');
    }
  }
}

/** `check --format json`: the gate's verdict and the failing flags, versioned like the other JSON outputs. */
export function formatCheckJson(debt: DebtReport, failing: FlagDebt[], failOn: FlagStatus[], naming?: NamingReport[]): string {
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
  const passed = failing.length === 0 && (naming?.length ?? 0) === 0;
  const gate = { failOn: naming ? [...failOn, NAMING] : failOn, passed, checked: debt.flags.length, failing: failing.length + (naming?.length ?? 0), ...(debt.since ? { since: debt.since.ref } : {}) };
  return `${JSON.stringify({ version: 1, gate, flags, ...(naming ? { naming } : {}) }, null, 2)}\n`;
}

/** The statuses that fail the gate, and whether key names that break the naming policy do (`naming`). */
export function parseFailOn(value: string): { statuses: FlagStatus[]; naming: boolean } {
  const statuses = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses.length === 0) throw new UsageError('--fail-on: give at least one status');
  for (const s of statuses) {
    if (s !== NAMING && !(FLAG_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(`--fail-on: unknown status "${s}" (expected one or more of ${FLAG_STATUSES.join(', ')}, ${NAMING})`);
    }
  }
  return { statuses: [...new Set(statuses.filter((s) => s !== NAMING))] as FlagStatus[], naming: statuses.includes(NAMING) };
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
  return sharedCleanupCommand(f.key, f.hasWinningValue ? f.winningValue : undefined);
}

/** A key that breaks the naming policy, as `check` reports it: the policy's sentences and where the key is written. */
interface NamingReport {
  key: string;
  problems: string[];
  sites: { file: string; line: number; column: number }[];
}

function namingReport(findings: NamingFinding[], root: string): NamingReport[] {
  return findings.map((f) => ({
    key: f.key,
    problems: f.violations.map((v) => keyViolationMessage(f.key, v)),
    sites: f.sites.map((s) => ({ file: relativePath(root, s.file), line: s.range.line, column: s.range.column })),
  }));
}

function namingText(naming: NamingReport[], color: boolean): string {
  const c = createColors(color);
  if (naming.length === 0) return `${c.green('✔')} flagsweep check: every flag key follows the naming policy (--fail-on naming)\n`;
  const out = [c.red(c.bold(`✖ flagsweep check: ${plural(naming.length, 'flag key')} break${naming.length === 1 ? 's' : ''} the naming policy (--fail-on naming)`))];
  for (const f of naming) {
    out.push('', `${c.bold(oneLine(f.key))}  ${c.red('naming')}`);
    for (const p of f.problems) out.push(`  ${oneLine(p)}`);
    for (const s of f.sites) out.push(`  ${oneLine(s.file)}:${s.line}:${s.column}`);
  }
  return out.join('\n') + '\n';
}

function namingAnnotations(naming: NamingReport[]): string {
  return naming
    .flatMap((f) => f.problems.map((p) => ({ p, at: f.sites[0] })))
    .map(({ p, at }) => `::error ${at ? `file=${escapeProperty(at.file)},line=${at.line},col=${at.column},` : ''}title=flagsweep naming::${escapeData(p)}\n`)
    .join('');
}
