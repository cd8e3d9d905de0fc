import { ageText, expiryText, plural, removableText, usageUrl, valueText } from '../debt/format';
import { ACTION_STATUSES, type DebtReport, type FlagDebt } from '../debt/types';
import { sweepStateText, type SweepBranchInfo } from '../sweep/branches';

export interface MarkdownOptions {
  /** Repository web address; usages become links when given. */
  repoUrl?: string;
  /** Usages listed per flag before "+N more" (default 5). */
  maxUsagesPerFlag?: number;
  /** Rows per flag table before "… and N more" (default 100), so the report fits a PR comment (65,536 characters). */
  maxFlagsPerTable?: number;
  /** Sweep branches by flag key (`flagsweep sweep`); when given, the flag tables get a "Sweep branch" column. */
  sweepBranches?: ReadonlyMap<string, SweepBranchInfo>;
}

/**
 * A report that fits a pull-request comment: the summary table first, then the flags that need action with
 * their usages, then owners and the oldest flags. GitHub-flavoured Markdown; every value from code or a flag
 * service is escaped.
 */
export function renderMarkdown(report: DebtReport, options: MarkdownOptions = {}): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(report.since ? `## flagsweep: flags touched since \`${report.since.ref}\`` : '## flagsweep: feature-flag debt', '');
  if (report.since) out.push(`Only flags with usages on lines added or changed since ${code(report.since.ref)} (${report.since.commit.slice(0, 7)}).`, '');
  const removable = s.removableLines === undefined ? 'removable lines n/a' : `**${plural(s.removableLines, 'removable line')}**`;
  out.push(
    `**${plural(s.flags, 'flag')}** in ${plural(s.files, 'file')} (${plural(s.usages, 'usage')}) · **${s.needsAction} need action** · ${removable} · as of ${report.today}`,
    '',
  );
  out.push('| Status | Flags |', '| --- | ---: |');
  for (const status of [...ACTION_STATUSES, 'active' as const]) out.push(`| ${status} | ${s.byStatus[status]} |`);
  out.push('');

  const action = report.flags.filter((f) => f.status !== 'active');
  out.push(`### Needs action (${action.length})`, '');
  if (action.length === 0) out.push('Nothing to do: every flag is active.', '');
  else out.push(...flagTable(report, action, options), '');

  if (s.byOwner.length > 0) {
    out.push('### Debt by owner', '', '| Owner | Flags | Need action | Usages | Removable lines |', '| --- | ---: | ---: | ---: | ---: |');
    for (const o of s.byOwner) out.push(`| ${text(o.owner)} | ${o.flags} | ${o.needsAction} | ${o.usages} | ${removableText(o.removableLines)} |`);
    out.push('');
  }
  if (s.oldest.length > 0) {
    out.push('### Oldest flags', '');
    s.oldest.forEach((o, i) => out.push(`${i + 1}. ${code(o.key)}: ${plural(o.ageDays, 'day')} (since ${o.firstSeen}), ${o.status}${o.owner ? `, ${text(o.owner)}` : ''}`));
    out.push('');
  }
  const active = report.flags.filter((f) => f.status === 'active');
  if (active.length > 0) {
    out.push(`<details><summary>Active flags (${active.length})</summary>`, '', ...flagTable(report, active, options), '', '</details>', '');
  }
  const notes = [
    ...(s.dynamicUsages > 0 ? [`${plural(s.dynamicUsages, 'flag check')} with a key that is not statically known (not counted above).`] : []),
    ...report.git.notes,
  ];
  if (notes.length > 0) out.push(...notes.map((n) => `> ${text(n)}`), '');
  return out.join('\n');
}

function flagTable(report: DebtReport, flags: FlagDebt[], options: MarkdownOptions): string[] {
  const sweep = options.sweepBranches;
  const rows = [
    `| Flag | Status | Owner | Expires | Age | Winning value | Removable lines | Usages |${sweep ? ' Sweep branch |' : ''} Why |`,
    `| --- | --- | --- | --- | ---: | --- | ---: | --- |${sweep ? ' --- |' : ''} --- |`,
  ];
  const max = options.maxFlagsPerTable ?? 100;
  for (const f of flags.slice(0, max)) {
    rows.push(
      `| ${code(f.key)} | ${f.status} | ${f.owner ? text(f.owner) : '—'} | ${expiryText(f)} | ${ageText(f)} | ${f.hasWinningValue ? code(valueText(f)) : '—'} | ${removableText(f.removableLines)} | ${usageList(report, f, options)} |${sweep ? ` ${sweepCell(sweep.get(f.key), options.repoUrl)} |` : ''} ${text(f.reason)} |`,
    );
  }
  if (flags.length > max) rows.push('', `… and ${flags.length - max} more (see the HTML or JSON report for all of them).`);
  return rows;
}

function sweepCell(info: SweepBranchInfo | undefined, repoUrl: string | undefined): string {
  if (!info) return 'none';
  const name = code(info.branch);
  const label = repoUrl ? `[${name}](${repoUrl.replace(/\/+$/, '')}/tree/${info.branch.split('/').map(encodeURIComponent).join('/')})` : name;
  return `${label} (${text(sweepStateText(info.state))})`;
}

function usageList(report: DebtReport, flag: FlagDebt, options: MarkdownOptions): string {
  if (flag.usages.length === 0) return 'none';
  const max = options.maxUsagesPerFlag ?? 5;
  const shown = flag.usages.slice(0, max).map((u) => {
    const label = text(`${u.file}:${u.line}`);
    const link = options.repoUrl ? `[${label}](${usageUrl(report, options.repoUrl, u)})` : label;
    return u.changed ? `${link} (changed)` : link;
  });
  const more = flag.usages.length - shown.length;
  return shown.join('<br>') + (more > 0 ? `<br>+${more} more` : '');
}

/** Text safe in Markdown and in a table cell: no HTML, no pipes, no emphasis or links. */
export function text(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** An inline code span that survives backticks and pipes in the value. */
/** Inline code safe in a table cell, whatever backticks the value holds. */
export function code(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const fence = clean.includes('`') ? '``' : '`';
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
