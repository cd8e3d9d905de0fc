import type { Command } from 'commander';
import { createColors } from 'picocolors';
import { loadConfig } from '../../config';
import { oneLine } from '../../report/control-chars';
import { loadFlagStates, type SourceSnapshot } from '../../sources';
import { EXIT } from '../exit-codes';
import { addAnalysisOptions, checkPathsExist, formatOption, resolveToday, useColor, type CommonOptions } from '../options';
import { writeReport } from '../output';
import { action } from '../run';

interface SourcesOptions extends CommonOptions {
  format: 'text' | 'json';
}

/**
 * `flagsweep sources [path]`: each configured flag source with its health and flag count.
 * Exit 0 when every source answered live, 1 when any is in error or served from its cache, 2 on a config error.
 */
export function registerSources(program: Command): void {
  addAnalysisOptions(
    program
      .command('sources')
      .description('list the configured flag sources (flagd file, Unleash, LaunchDarkly) with their health and flag counts')
      .argument('[path]', 'folder whose flagsweep.config.json to use (default: the current folder)'),
  )
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(
      action(async (start: string | undefined, opts: SourcesOptions) => {
        if (start !== undefined) checkPathsExist([start]);
        const config = loadConfig(start ?? process.cwd(), opts.config);
        const { snapshots } = await loadFlagStates(config, {
          env: process.env,
          offline: opts.offline,
          environment: opts.sourceEnv,
          now: resolveToday(opts),
        });
        const text = opts.format === 'json' ? formatSourcesJson(snapshots) : formatSourcesText(snapshots, useColor(opts));
        writeReport(text, opts.output);
        return snapshots.every((s) => s.health === 'ok') ? EXIT.OK : EXIT.FINDINGS;
      }),
    );
}

export function formatSourcesJson(snapshots: SourceSnapshot[]): string {
  const sources = snapshots.map((s) => ({
    id: s.id,
    kind: s.kind,
    health: s.health,
    flagCount: s.states.length,
    ...(s.asOf ? { asOf: s.asOf } : {}),
    ...(s.dashboardBaseUrl ? { dashboardBaseUrl: s.dashboardBaseUrl } : {}),
    diagnostics: s.diagnostics,
  }));
  return `${JSON.stringify({ version: 1, sources }, null, 2)}\n`;
}

export function formatSourcesText(snapshots: SourceSnapshot[], color: boolean): string {
  const paint = createColors(color);
  const healthColor = { ok: paint.green, cached: paint.yellow, offline: paint.yellow, error: paint.red };
  const idWidth = snapshots.reduce((n, s) => Math.max(n, s.id.length), 0);
  const lines: string[] = [];
  for (const s of snapshots) {
    const count = `${s.states.length} flag${s.states.length === 1 ? '' : 's'}`;
    const asOf = s.health === 'cached' && s.asOf ? `  as of ${s.asOf}` : '';
    lines.push(`${s.id.padEnd(idWidth)}  ${healthColor[s.health](s.health.padEnd(7))}  ${count}${asOf}`);
    for (const d of s.diagnostics) {
      const at = d.line !== undefined ? `${d.where}:${d.line}:${d.column ?? 1}: ` : '';
      lines.push(`  ${paint.dim(d.severity)}: ${oneLine(at)}${oneLine(d.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
