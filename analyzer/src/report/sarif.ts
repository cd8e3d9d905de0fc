import { createHash } from 'node:crypto';
import { ageText, expiryText, repoPath, valueText } from '../debt/format';
import type { DebtReport, FlagDebt } from '../debt/types';
import type { FlagStatus } from '../model';

export interface SarifOptions {
  /** Statuses whose usages become results (default: expired, stale, missing). */
  statuses?: readonly FlagStatus[];
  /** Repository web address, recorded as version-control provenance with HEAD's commit. */
  repoUrl?: string;
}

export const SARIF_DEFAULT_STATUSES: readonly FlagStatus[] = ['expired', 'stale', 'missing'];

interface RuleSpec {
  status: FlagStatus;
  name: string;
  level: 'error' | 'warning' | 'note';
  short: string;
  full: string;
  help: string;
}

const RULES: readonly RuleSpec[] = [
  {
    status: 'expired',
    name: 'ExpiredFeatureFlag',
    level: 'error',
    short: 'Feature flag past its expiry date',
    full: 'The flag is still read in code after the date its owner gave for removing it (@expires or the flag service).',
    help: 'Remove the flag: replace each check with the value the flag serves (`flagsweep cleanup <key>`), then archive it in the flag service. If it must live longer, move its @expires date and say why.',
  },
  {
    status: 'stale',
    name: 'StaleFeatureFlag',
    level: 'warning',
    short: 'Feature flag serving one value to everyone',
    full: 'The flag has served the same value to every user for longer than the stale threshold, or the flag service marks it stale: the check is dead code in waiting.',
    help: 'Replace each check with the value it serves (`flagsweep cleanup <key>`) and remove the flag from the flag service.',
  },
  {
    status: 'missing',
    name: 'MissingFeatureFlag',
    level: 'error',
    short: 'Feature flag unknown to the flag service',
    full: 'The code reads a flag the flag service does not define (or has archived), so every evaluation returns the code default.',
    help: 'Create the flag in the flag service, fix the key if it is a typo, or remove the check (`flagsweep cleanup <key>` with the code default).',
  },
  {
    status: 'expiring',
    name: 'ExpiringFeatureFlag',
    level: 'note',
    short: 'Feature flag close to its expiry date',
    full: 'The flag reaches its expiry date soon.',
    help: 'Plan its removal, or move its @expires date.',
  },
];

/**
 * SARIF 2.1.0 for code scanning: one result per usage of a flag whose status is in `statuses`, one rule per
 * status. Locations are relative to the repository top (uriBaseId %SRCROOT%); fingerprints stay stable when
 * lines move.
 */
export function renderSarif(report: DebtReport, options: SarifOptions = {}): string {
  const statuses = new Set(options.statuses ?? SARIF_DEFAULT_STATUSES);
  const rules = RULES.filter((r) => statuses.has(r.status));
  const results: unknown[] = [];
  for (const flag of report.flags) {
    const ruleIndex = rules.findIndex((r) => r.status === flag.status);
    if (ruleIndex < 0) continue;
    const rule = rules[ruleIndex];
    const seen = new Map<string, number>();
    for (const usage of flag.usages) {
      const uri = repoPath(report, usage.file);
      const occurrence = seen.get(uri) ?? 0;
      seen.set(uri, occurrence + 1);
      results.push({
        ruleId: ruleId(rule.status),
        ruleIndex,
        level: rule.level,
        message: { text: message(flag) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' },
              region: { startLine: usage.line, startColumn: usage.column, endLine: usage.endLine, endColumn: usage.endColumn },
            },
          },
        ],
        partialFingerprints: { 'flagsweepUsage/v1': fingerprint(flag.key, uri, usage.kind, occurrence) },
        properties: resultProperties(flag),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: rules.map((r) => ({
              id: ruleId(r.status),
              name: r.name,
              shortDescription: { text: r.short },
              fullDescription: { text: r.full },
              help: { text: r.help, markdown: r.help },
              defaultConfiguration: { level: r.level },
              properties: { tags: ['feature-flags', 'tech-debt'], precision: 'very-high' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(options.repoUrl && report.git.head
          ? { versionControlProvenance: [{ repositoryUri: options.repoUrl, revisionId: report.git.head }] }
          : {}),
        results,
        properties: { today: report.today, ...(report.since ? { since: report.since.ref } : {}) },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

export function ruleId(status: FlagStatus): string {
  return `flagsweep/${status}`;
}

function message(flag: FlagDebt): string {
  const parts = [`Flag '${flag.key}' is ${flag.status}: ${flag.reason}.`.replace(/\.\.$/, '.')];
  if (flag.expires && !flag.reason.includes(flag.expires)) parts.push(`Expires: ${expiryText(flag)}.`);
  parts.push(`Owner: ${flag.owner ?? 'none recorded'}.`);
  if (flag.ageDays !== undefined) parts.push(`In code for ${ageText(flag)}.`);
  if (flag.hasWinningValue) parts.push(`Every evaluation returns ${valueText(flag)}: replace the check with that value.`);
  return parts.join(' ');
}

function resultProperties(flag: FlagDebt): Record<string, unknown> {
  return {
    flagKey: flag.key,
    status: flag.status,
    ...(flag.owner ? { owner: flag.owner } : {}),
    ...(flag.expires ? { expires: flag.expires } : {}),
    ...(flag.ageDays !== undefined ? { ageDays: flag.ageDays } : {}),
    ...(flag.hasWinningValue ? { winningValue: flag.winningValue } : {}),
    ...(flag.removableLines !== undefined ? { removableLines: flag.removableLines } : {}),
  };
}

function fingerprint(key: string, uri: string, kind: string, occurrence: number): string {
  return createHash('sha256').update(`${key}\0${uri}\0${kind}\0${occurrence}`).digest('hex').slice(0, 32);
}

/** Relative URI reference: percent-encode what a path may hold but a URI may not (spaces, #, ?, %). */
function encodeUri(repoRelative: string): string {
  return repoRelative
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
