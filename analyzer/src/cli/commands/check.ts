import type { Command } from 'commander';
import { createColors } from 'picocolors';
import { expiryText, plural, type DebtReport, type FlagDebt } from '../../debt';
import { FLAG_STATUSES, type FlagStatus } from '../../model';
import { renderSarif } from '../../report/sarif';
import { addCacheOptions } from '../cache-options';
import { EXIT } from '../exit-codes';
import { addConfigOption, useColor, UsageError, wholeNumber, type CommonOptions } from '../options';
import { writeReport } from '../output';
import { action } from '../run';
import { analyzeDebt } from './report';

interface CheckOptions extends CommonOptions {
  failOn: string;
  since?: string;
  sarif?: string;
  maxUsages: number;
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
    .option('--sarif <file>', 'also write the failing usages as SARIF 2.1.0 (for code scanning)')
    .option('--max-usages <n>', 'usages listed per failing flag', wholeNumber('--max-usages'), 10)
    .option('--color', 'ANSI colors even when not on a terminal (also FORCE_COLOR=1)')
    .option('--no-color', 'no ANSI colors (also NO_COLOR=1 or FORCE_COLOR=0)')
    .action(action(runCheck));
}

async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const failOn = parseFailOn(opts.failOn);
  const maxUsages = opts.maxUsages;
  const { debt } = await analyzeDebt(paths, opts, { git: false, since: opts.since, removable: 'none' });
  const failing = debt.flags.filter((f) => failOn.includes(f.status));
  if (opts.sarif) writeReport(renderSarif(debt, { statuses: failOn }), opts.sarif);
  process.stdout.write(formatCheck(debt, failing, failOn, maxUsages, useColor(opts)));
  return failing.length > 0 ? EXIT.FINDINGS : EXIT.OK;
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
    const facts = [f.status, f.owner ? `owner ${f.owner}` : 'no owner', ...(f.expires ? [`expires ${expiryText(f)}`] : [])];
    out.push('', `${c.bold(f.key)}  ${c.red(facts[0])}  ${c.dim(facts.slice(1).join(', '))}`);
    out.push(`  ${f.reason}`);
    for (const u of f.usages.slice(0, maxUsages)) out.push(`  ${u.file}:${u.line}:${u.column}${u.changed ? c.dim('  (changed)') : ''}`);
    if (f.usages.length > maxUsages) out.push(c.dim(`  … and ${f.usages.length - maxUsages} more`));
    out.push(c.cyan(`  fix: ${cleanupCommand(f)}`));
  }
  return out.join('\n') + '\n';
}

/** What to run to remove the flag: with its winning value when it has one, else the value is the team's choice. */
export function cleanupCommand(f: FlagDebt): string {
  if (!f.hasWinningValue) return `flagsweep cleanup ${f.key} --value <the value to keep>`;
  const value = typeof f.winningValue === 'string' ? f.winningValue : JSON.stringify(f.winningValue);
  return `flagsweep cleanup ${f.key} --value ${/^[\w.-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`;
}
