import { ageText, expiryText, plural, removableText, usageUrl, valueText } from '../debt/format';
import { ACTION_STATUSES, type DebtReport, type FlagDebt } from '../debt/types';
import type { FlagStatus } from '../model';
import { barChart, stackedBarChart } from './html/charts';
import { STATUS_COLORS } from './html/colors';
import { esc, safeHref } from './html/escape';
import { REPORT_SCRIPT } from './html/script';
import { REPORT_STYLE } from './html/style';
import { sweepStateText, type SweepBranchInfo } from '../sweep/branches';

export interface HtmlOptions {
  repoUrl?: string;
  title?: string;
  /** Sweep branches by flag key (`flagsweep sweep`); when given, the flag table gets a "Sweep branch" column. */
  sweepBranches?: ReadonlyMap<string, SweepBranchInfo>;
}

const STATUS_ORDER: readonly FlagStatus[] = [...ACTION_STATUSES, 'active'];
const OWNER_ROWS = 12;

/**
 * One self-contained HTML file (inline CSS, JS and SVG; a CSP that forbids any network load): summary cards,
 * charts of flags by status, ages and owners, and a sortable, filterable table of every flag with its usages.
 */
export function renderHtml(report: DebtReport, options: HtmlOptions = {}): string {
  const s = report.summary;
  const title = options.title ?? (report.since ? `Flags touched since ${report.since.ref}` : 'Feature-flag debt');
  const statusBars = STATUS_ORDER.map((status) => ({ label: status, value: s.byStatus[status], color: STATUS_COLORS[status] }));
  const ageBars = s.ageBuckets.map((b) => ({ label: b.label, value: b.flags, color: b.label === 'unknown' ? '#9aa4ad' : '#1565c0' }));
  const owners = s.byOwner.slice(0, OWNER_ROWS).map((o) => ({
    label: o.owner,
    segments: STATUS_ORDER.map((status) => ({ label: status, value: o.byStatus[status], color: STATUS_COLORS[status] })),
  }));
  const hiddenOwners = s.byOwner.length - owners.length;
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="subtitle">${esc(report.root)} · as of ${esc(report.today)}${report.git.head ? ` · commit ${esc(report.git.head.slice(0, 12))}` : ''} · ${esc(report.tool.name)} ${esc(report.tool.version)}</p>`,
    '<section class="cards" aria-label="Summary">',
    card(s.flags, 'flags'),
    card(s.needsAction, 'need action', s.needsAction > 0),
    card(s.byStatus.expired, 'expired', s.byStatus.expired > 0),
    card(s.usages, `usages in ${plural(s.files, 'file')}`),
    card(s.removableLines === undefined ? 'n/a' : s.removableLines, 'removable lines'),
    card(s.oldest[0] ? s.oldest[0].ageDays : 'n/a', s.oldest[0] ? `days: oldest flag (${s.oldest[0].key})` : 'days: oldest flag'),
    '</section>',
    '<h2>Charts</h2>',
    '<section class="charts">',
    `<figure><figcaption>Flags by status</figcaption>${barChart('chart-status', 'Flags by status', statusBars)}</figure>`,
    `<figure><figcaption>Flag age (first seen in code)</figcaption>${barChart('chart-age', 'Flags by age', ageBars)}</figure>`,
    `<figure><figcaption>Debt by owner${hiddenOwners > 0 ? ` (top ${OWNER_ROWS}, ${hiddenOwners} more in the table)` : ''}</figcaption>${stackedBarChart('chart-owners', 'Flags by owner and status', owners)}${legend()}</figure>`,
    '</section>',
    `<h2>Flags (<span id="shown-count">${report.flags.length}</span> of ${report.flags.length})</h2>`,
    filters(),
    flagTable(report, options),
    notes(report),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)} · flagsweep</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function card(value: number | string, what: string, alert = false): string {
  return `<div class="card${alert ? ' alert' : ''}"><span class="number">${esc(value)}</span><span class="what">${esc(what)}</span></div>`;
}

function legend(): string {
  return `<div class="legend">${STATUS_ORDER.map((s) => `<span style="--swatch:${STATUS_COLORS[s]}">${s}</span>`).join('')}</div>`;
}

function filters(): string {
  const options = STATUS_ORDER.map((s) => `<option value="${s}">${s}</option>`).join('');
  return `<div class="controls"><label>Filter <input id="flag-filter" type="search" placeholder="key, owner, file…"></label><label>Status <select id="status-filter"><option value="">all</option>${options}</select></label></div>`;
}

const COLUMNS: { label: string; type?: 'number' }[] = [
  { label: 'Flag' },
  { label: 'Status' },
  { label: 'Owner' },
  { label: 'Expires', type: 'number' },
  { label: 'Age', type: 'number' },
  { label: 'Usages', type: 'number' },
  { label: 'Removable lines', type: 'number' },
  { label: 'Winning value' },
  { label: 'Why' },
];

function flagTable(report: DebtReport, options: HtmlOptions): string {
  const columns = options.sweepBranches ? [...COLUMNS.slice(0, -1), { label: 'Sweep branch' }, COLUMNS[COLUMNS.length - 1]] : COLUMNS;
  const head = columns.map((c) => `<th scope="col"${c.type ? ` data-type="${c.type}" class="num"` : ''} aria-sort="none"><button type="button">${esc(c.label)}</button></th>`).join('');
  const rows = report.flags.map((f) => flagRow(report, f, options)).join('\n');
  return `<table id="flag-table"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function flagRow(report: DebtReport, f: FlagDebt, options: HtmlOptions): string {
  const cells = [
    `<td><code>${esc(f.key)}</code>${f.description ? `<br><span class="reason">${esc(f.description)}</span>` : ''}${dashboard(f)}</td>`,
    `<td data-sort="${STATUS_ORDER.indexOf(f.status)}"><span class="badge" style="--badge:${STATUS_COLORS[f.status]}">${f.status}</span></td>`,
    `<td>${f.owner ? esc(f.owner) : '—'}</td>`,
    `<td class="num" data-sort="${f.daysToExpiry ?? ''}">${esc(expiryText(f))}</td>`,
    `<td class="num" data-sort="${f.ageDays ?? ''}">${esc(ageText(f))}${f.firstSeen ? `<br><span class="reason">since ${esc(f.firstSeen)}</span>` : ''}</td>`,
    `<td class="num" data-sort="${f.usageCount}">${usages(report, f, options)}</td>`,
    `<td class="num" data-sort="${f.removableLines ?? ''}">${esc(removableText(f.removableLines))}</td>`,
    `<td>${f.hasWinningValue ? `<code>${esc(valueText(f))}</code>` : '—'}</td>`,
    ...(options.sweepBranches ? [sweepCell(options.sweepBranches.get(f.key), options.repoUrl)] : []),
    `<td class="reason">${esc(f.reason)}</td>`,
  ];
  return `<tr data-status="${f.status}" data-key="${esc(f.key)}">${cells.join('')}</tr>`;
}

function sweepCell(info: SweepBranchInfo | undefined, repoUrl: string | undefined): string {
  if (!info) return '<td data-sort="">none</td>';
  const href = repoUrl ? safeHref(`${repoUrl.replace(/\/+$/, '')}/tree/${info.branch.split('/').map(encodeURIComponent).join('/')}`) : undefined;
  const name = `<code>${esc(info.branch)}</code>`;
  return `<td data-sort="${esc(info.state)}" data-sweep-state="${esc(info.state)}">${href ? `<a href="${href}" rel="noreferrer">${name}</a>` : name}<br><span class="reason">${esc(sweepStateText(info.state))}</span></td>`;
}

function dashboard(f: FlagDebt): string {
  const href = f.dashboardUrl ? safeHref(f.dashboardUrl) : undefined;
  return href ? ` <a href="${href}" rel="noreferrer">dashboard</a>` : '';
}

function usages(report: DebtReport, f: FlagDebt, options: HtmlOptions): string {
  if (f.usages.length === 0) return '0';
  const items = f.usages.map((u) => {
    const label = `${esc(u.file)}:${u.line}:${u.column}`;
    const href = options.repoUrl ? safeHref(usageUrl(report, options.repoUrl, u)) : undefined;
    const changed = u.changed ? ' <strong>changed</strong>' : '';
    return `<li>${href ? `<a href="${href}" rel="noreferrer">${label}</a>` : label} <span class="reason">${esc(u.kind)}</span>${changed}</li>`;
  });
  return `<details><summary>${plural(f.usageCount, 'usage')} in ${plural(f.fileCount, 'file')}</summary><ul>${items.join('')}</ul></details>`;
}

function notes(report: DebtReport): string {
  const lines = [
    ...(report.summary.dynamicUsages > 0
      ? [`${plural(report.summary.dynamicUsages, 'flag check')} with a key that is not statically known (not counted above).`]
      : []),
    ...report.git.notes,
    'Removable lines come from a cleanup dry run to the winning value; n/a where there is no single value or no dry run was made (active flags by default).',
  ];
  return lines.length === 0 ? '' : `<h2>Notes</h2><div class="notes">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`;
}
