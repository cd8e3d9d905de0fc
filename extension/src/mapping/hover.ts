import type { FlagRecord } from '@flagsweep/analyzer';
import { cleanupChoices } from './cleanup-choices';
import { asOfPhrase, constantForPhrase, expiryPhrase } from './dates';
import { code, commandLink, escapeMarkdown, inlineCodeText } from './markdown';
import { sourceWords } from './source-words';
import { stateInWords } from './state-words';

export const HOVER_COMMANDS = {
  cleanup: 'flagsweep.cleanupFlag',
  usages: 'flagsweep.showUsages',
  dashboard: 'flagsweep.openDashboard',
  refresh: 'flagsweep.refresh',
} as const;

export interface HoverContext {
  now: Date;
  /** Workspace folder the record belongs to (passed back to commands). */
  folder: string;
  /** Restricted Mode: local files only, so no dashboard link (it would leave the editor for the network). */
  restricted: boolean;
  /** The source could not be reached and the state shown is the last cached one. */
  unreachable?: boolean;
  /** The background index is still running: usage counts (and so "unused") are not final yet. */
  countingUsages?: boolean;
}

export interface HoverContent {
  markdown: string;
  /** Command ids the markdown links to; the MarkdownString trusts exactly these. */
  commands: string[];
  /** One line summary, for tests and the status of the hovered flag. */
  summary: string;
}

const STATUS_WORDS: Record<FlagRecord['status'], string> = {
  active: 'active',
  expiring: 'expiring soon',
  expired: 'expired',
  stale: 'stale',
  missing: 'missing from the flag source',
  unused: 'unused in code',
};

/** Hover for a flag key. Every piece of text from a flag service or from code is escaped. */
export function recordToHover(record: FlagRecord, ctx: HoverContext): HoverContent {
  const lines: string[] = [];
  const description = record.description ? ` — ${escapeMarkdown(record.description)}` : '';
  lines.push(`**flag** ${code(record.key)}${description}`);

  const constantFor = record.winner.kind === 'value' ? constantForPhrase(record.state?.constantSince, ctx.now) : undefined;
  const headline = [stateInWords(record.state, record.winner) + (constantFor ? ` ${constantFor}` : '')];
  const expiry = expiryPhrase(record.expires, ctx.now);
  if (expiry) headline.push(expiry);
  if (record.owner) headline.push(`owner ${escapeMarkdown(record.owner)}`);
  lines.push(headline.join(' · '));

  // Before the index is complete, "no code reads it" only means "not in the files scanned so far".
  if (ctx.countingUsages && record.status === 'unused') lines.push('**usages**: counting usages…');
  else lines.push(`**${STATUS_WORDS[record.status]}**: ${inlineCodeText(record.reason)}`);

  const source = [record.state ? `source ${sourceWords(record.state.source)}` : 'no flag source defines it'];
  if (record.state?.fromCache || ctx.unreachable) {
    const asOf = asOfPhrase(record.state?.asOf);
    source.push(`cached${asOf ? ` ${asOf}` : ''}${ctx.unreachable ? ' (service unreachable)' : ''}`);
  }
  const files = new Set(record.usages.map((u) => u.file)).size;
  if (ctx.countingUsages) source.push('counting usages…');
  else source.push(`${record.usages.length} usage${record.usages.length === 1 ? '' : 's'}${files > 1 ? ` in ${files} files` : ''}`);
  lines.push(source.join(' · '));

  const links: string[] = [];
  const commands = new Set<string>();
  const target = { key: record.key, folder: ctx.folder };
  if (record.usages.length > 0) {
    const choices = cleanupChoices(record);
    const preferred = choices.filter((c) => !c.isChoice);
    for (const c of preferred) links.push(commandLink(`Remove flag (${c.label})`, HOVER_COMMANDS.cleanup, [{ ...target, value: c.value }]));
    const picks = choices.filter((c) => c.isChoice);
    if (picks.length > 0) {
      const pickLinks = picks.map((c) => commandLink(c.label, HOVER_COMMANDS.cleanup, [{ ...target, value: c.value }]));
      links.push(`Remove flag, choose: ${pickLinks.join(' / ')}`);
    }
    if (choices.length > 0) commands.add(HOVER_COMMANDS.cleanup);
    links.push(commandLink('Show usages', HOVER_COMMANDS.usages, [target]));
    commands.add(HOVER_COMMANDS.usages);
  }
  if (record.state?.dashboardUrl && !ctx.restricted) {
    links.push(commandLink('Open in dashboard', HOVER_COMMANDS.dashboard, [target]));
    commands.add(HOVER_COMMANDS.dashboard);
  }
  links.push(commandLink('Refresh', HOVER_COMMANDS.refresh, [{ folder: ctx.folder }]));
  commands.add(HOVER_COMMANDS.refresh);
  lines.push(links.join(' · '));

  const summary = [record.key, ...headline.map((h) => h.replace(/\\/g, ''))].join(' · ').replace(/`/g, '');
  return { markdown: lines.join('\n\n'), commands: [...commands], summary };
}
