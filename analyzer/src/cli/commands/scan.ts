import type { Command } from 'commander';
import { analyze } from '../../analyze';
import { formatJson } from '../../report/json';
import { formatText } from '../../report/text';
import { addCacheOptions, cacheSettings, type CacheCliOptions } from '../cache-options';
import { EXIT } from '../exit-codes';
import { gateProblems } from '../gate';
import { addAnalysisOptions, checkPathsExist, formatOption, resolveToday, useColor, type CommonOptions } from '../options';
import { writeReport } from '../output';
import { action } from '../run';

interface ScanOptions extends CommonOptions, CacheCliOptions {
  format: 'text' | 'json';
}

/** `flagsweep scan [paths…]`: every flag, its usages, state and status. Exit 0 unless usage/config error. */
export function registerScan(program: Command): void {
  addCacheOptions(
    addAnalysisOptions(
      program
        .command('scan')
        .description('find every flag check, join it with flag state and report each flag with its status')
        .argument('[paths...]', 'files or folders to scan (default: the current folder)'),
    ),
  )
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(
      action(async (paths: string[], opts: ScanOptions) => {
        checkPathsExist(paths);
        const result = await analyze({
          paths,
          cwd: process.cwd(),
          configFile: opts.config,
          now: resolveToday(opts),
          env: process.env,
          offline: opts.offline,
          sourceEnvironment: opts.sourceEnv,
          ...cacheSettings(opts),
        });
        const text = opts.format === 'json' ? formatJson(result) : formatText(result, { color: useColor(opts) });
        writeReport(text, opts.output);
        // What would stop `check` is worth a warning here: the report above may be missing flags because of it.
        const problems = gateProblems(result, { forScan: true });
        for (const line of [...problems.errors, ...problems.notes]) process.stderr.write(`flagsweep: warning: ${line}\n`);
        return EXIT.OK;
      }),
    );
}
