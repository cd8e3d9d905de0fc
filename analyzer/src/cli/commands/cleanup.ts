import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';
import type { CleanupResult } from '../../cleanup';
import { loadConfig, type ResolvedConfig } from '../../config/load';
import { loadFlagStates } from '../../sources';
import { EXIT } from '../exit-codes';
import { UsageError, addConfigOption, checkPathsExist, useColor } from '../options';
import { action } from '../run';

interface CleanupOptions {
  config?: string;
  value?: string;
  dryRun?: boolean;
  removeDefinition?: boolean;
  format: 'text' | 'json';
  offline?: boolean;
  sourceEnv?: string;
  color?: boolean;
}

/** `--value` text → the flag value: true/false, a number, JSON (object, array, quoted string, null), else the string. */
export function parseValueOption(text: string): unknown {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t !== '' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (t === 'null' || t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) {
    try {
      return JSON.parse(t);
    } catch (e) {
      throw new UsageError(`--value: not valid JSON (${(e as Error).message})`);
    }
  }
  return text;
}

/** `flagsweep cleanup <key> --value v [paths…]`: removes the flag from the code, keeping the winning branch. */
export function registerCleanup(program: Command): void {
  addConfigOption(
    program
      .command('cleanup')
      .description('remove a flag from the code as if every check returned its final value, then simplify and prune')
      .argument('<key>', 'the flag key')
      .argument('[paths...]', 'files or folders to clean (default: the whole project)'),
  )
    .option('--value <value>', 'the final value: true|false, a string, a number or JSON (default: the winning value from the flag source)')
    .option('--dry-run', 'print a unified diff and write nothing')
    .option('--remove-definition', "also remove the flag's definition from the flagd file")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--offline', 'read flag state from the flag file and caches only')
    .option('--source-env <environment>', 'environment of remote flag sources')
    .option('--color', 'ANSI colors even when not on a terminal (also FORCE_COLOR=1)')
    .option('--no-color', 'no ANSI colors (also NO_COLOR=1 or FORCE_COLOR=0)')
    .action(
      action(async (key: string, paths: string[], opts: CleanupOptions) => {
        checkPathsExist(paths);
        const config = loadConfig(paths[0] ?? process.cwd(), opts.config);
        const value = opts.value !== undefined ? parseValueOption(opts.value) : await winningValue(config, key, opts);
        // Loaded here, not at startup: the engine brings ts-morph (~0.4 s) that the other commands never need.
        const { cleanupFlag } = require('../../cleanup') as typeof import('../../cleanup');
        const result = await cleanupFlag({
          config,
          key,
          value,
          scope: { kind: 'project', paths: paths.length > 0 ? paths.map((p) => path.resolve(p)) : undefined },
          removeDefinition: opts.removeDefinition,
        });
        if (result.errors.length > 0) {
          if (opts.format === 'json') process.stdout.write(`${JSON.stringify(toJson(result, config, false), null, 2)}\n`);
          for (const e of result.errors) process.stderr.write(`flagsweep: ${e.message}\n`);
          process.stderr.write('flagsweep: nothing was written\n');
          return EXIT.USAGE;
        }
        const written = !opts.dryRun;
        if (written) writeAll(result);
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(toJson(result, config, written), null, 2)}\n`);
        else process.stdout.write(formatText(result, config, { dryRun: !!opts.dryRun, color: useColor(opts) }));
        return result.leftForHuman.length > 0 ? EXIT.FINDINGS : EXIT.OK;
      }),
    );
}

/** Without --value: the flag source's winning value; a flag the source lacks evaluates to its code default. */
async function winningValue(config: ResolvedConfig, key: string, opts: CleanupOptions): Promise<unknown> {
  const loaded = await loadFlagStates(config, { env: process.env, offline: opts.offline, environment: opts.sourceEnv });
  const state = loaded.states.get(key);
  if (!state || !state.exists || state.winner.kind === 'code-default') return undefined;
  if (state.winner.kind === 'value') return state.winner.value;
  throw new UsageError(`flag "${key}" has no single winning value (${state.winner.reason}); pass --value`);
}

function rel(config: ResolvedConfig, file: string): string {
  return path.relative(process.cwd(), file).replace(/\\/g, '/') || path.relative(config.root, file);
}

/** All files or none: every new text goes to a temp file first, then each is renamed over its original. */
function writeAll(result: CleanupResult): void {
  const temps: { tmp: string; file: string }[] = [];
  try {
    for (const f of result.files) {
      const tmp = `${f.file}.flagsweep-${process.pid}.tmp`;
      const mode = fs.statSync(f.file).mode;
      fs.writeFileSync(tmp, f.after, { mode });
      temps.push({ tmp, file: f.file });
    }
  } catch (e) {
    for (const t of temps) fs.rmSync(t.tmp, { force: true });
    throw e;
  }
  for (const t of temps) fs.renameSync(t.tmp, t.file);
}

function formatText(result: CleanupResult, config: ResolvedConfig, opts: { dryRun: boolean; color: boolean }): string {
  const c = opts.color ? pc : pc.createColors(false);
  let out = '';
  if (opts.dryRun) {
    for (const f of result.files) {
      const name = rel(config, f.file);
      out += createTwoFilesPatch(`a/${name}`, `b/${name}`, f.before, f.after, undefined, undefined, { context: 3 });
    }
  }
  const verb = opts.dryRun ? 'would change' : 'changed';
  out += `${c.bold(`cleanup ${result.key} = ${JSON.stringify(result.value)}`)}: ${verb} ${result.files.length} file${result.files.length === 1 ? '' : 's'}, ${result.stats.linesRemoved} line${result.stats.linesRemoved === 1 ? '' : 's'} removed\n`;
  for (const f of result.files) out += `  ${rel(config, f.file)}  -${f.linesRemoved}\n`;
  if (result.leftForHuman.length > 0) {
    out += `${c.yellow(`${result.leftForHuman.length} site${result.leftForHuman.length === 1 ? '' : 's'} left to finish by hand`)}:\n`;
    for (const s of result.leftForHuman) out += `  ${rel(config, s.file)}:${s.line}:${s.column}  ${s.reason}\n`;
  }
  for (const d of result.diagnostics) out += `${d.severity}: ${d.where}${d.line ? `:${d.line}:${d.column ?? 1}` : ''} ${d.message}\n`;
  return out;
}

function toJson(result: CleanupResult, config: ResolvedConfig, written: boolean) {
  const relative = (f: string) => path.relative(config.root, f).replace(/\\/g, '/');
  return {
    version: 1,
    key: result.key,
    value: result.value,
    written,
    files: result.files.map((f) => ({ file: relative(f.file), linesRemoved: f.linesRemoved, edits: f.edits })),
    leftForHuman: result.leftForHuman.map((s) => ({ ...s, file: relative(s.file) })),
    errors: result.errors,
    diagnostics: result.diagnostics,
    stats: result.stats,
  };
}
