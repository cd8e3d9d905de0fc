import type { FLAG_STATUSES, FlagCheck, FlagRecord, FlagStatus } from '@flagsweep/analyzer';
import { expiryPhrase } from './dates';
import { plain, stateInWords } from './state-words';

export interface PlainTreeItem {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Codicon id. */
  icon: string;
  collapsed: 'none' | 'collapsed' | 'expanded';
  /** `group`, `flag`, `flag:dashboard`, `usage`: drives the context menu. */
  contextValue: string;
  /** Clicking opens this location (usages). */
  open?: { file: string; line: number; character: number };
}

const GROUP_LABELS: Record<FlagStatus, string> = {
  expired: 'Expired',
  expiring: 'Expiring soon',
  stale: 'Stale',
  missing: 'Missing from source',
  unused: 'Unused in code',
  active: 'Active',
};

const GROUP_ICONS: Record<FlagStatus, string> = {
  expired: 'error',
  expiring: 'watch',
  stale: 'history',
  missing: 'question',
  unused: 'circle-slash',
  active: 'pass',
};

/** Statuses in display order with their records (empty groups left out). */
export function groupRecords(records: readonly FlagRecord[]): { status: FlagStatus; records: FlagRecord[] }[] {
  // FLAG_STATUSES is a runtime value of the core: the order is repeated here so this module stays import-free.
  const order: readonly FlagStatus[] = ['expired', 'expiring', 'stale', 'missing', 'unused', 'active'] satisfies typeof FLAG_STATUSES;
  return order.map((status) => ({ status, records: records.filter((r) => r.status === status) })).filter((g) => g.records.length > 0);
}

export function groupItem(status: FlagStatus, count: number, folder = ''): PlainTreeItem {
  return {
    id: `group:${folder}:${status}`,
    label: GROUP_LABELS[status],
    description: String(count),
    icon: GROUP_ICONS[status],
    collapsed: status === 'active' || status === 'unused' ? 'collapsed' : 'expanded',
    contextValue: 'group',
  };
}

export function flagItem(record: FlagRecord, now: Date, folder = ''): PlainTreeItem {
  const parts = [plain(stateInWords(record.state, record.winner))];
  const expiry = expiryPhrase(record.expires, now);
  if (expiry) parts.push(expiry);
  if (record.owner) parts.push(`owner ${record.owner}`);
  return {
    id: `flag:${folder}:${record.key}`,
    label: record.key,
    description: parts.join(' · '),
    tooltip: `${record.key}: ${record.status} — ${plain(record.reason)}`,
    icon: GROUP_ICONS[record.status],
    collapsed: record.usages.length > 0 ? 'collapsed' : 'none',
    contextValue: record.state?.dashboardUrl ? 'flag:dashboard' : 'flag',
  };
}

export function usageItem(check: FlagCheck, relative: (file: string) => string): PlainTreeItem {
  const where = `${relative(check.file)}:${check.range.line}`;
  return {
    id: `usage:${check.file}:${check.range.start}`,
    label: where,
    description: check.pattern,
    tooltip: `${where}:${check.range.column} — ${check.kind} check (${check.sdk})`,
    icon: 'symbol-reference',
    collapsed: 'none',
    contextValue: 'usage',
    open: { file: check.file, line: check.range.line - 1, character: check.range.column - 1 },
  };
}

/**
 * A flag in the "Remove flag…" / "Show flag…" pickers: "$(error) new-checkout", "expired · owner payments · keeps
 * ON", and the reason as detail.
 */
export function flagPickItem(record: FlagRecord, folder?: string): { label: string; description: string; detail: string } {
  const parts: string[] = [GROUP_LABELS[record.status].toLowerCase()];
  if (record.owner) parts.push(`owner ${record.owner}`);
  if (record.winner.kind === 'value') parts.push(`winning value ${JSON.stringify(record.winner.value)}`);
  parts.push(`${record.usages.length} usage${record.usages.length === 1 ? '' : 's'}`);
  if (folder) parts.push(folder);
  return { label: `$(${GROUP_ICONS[record.status]}) ${record.key}`, description: parts.join(' · '), detail: plain(record.reason) };
}
