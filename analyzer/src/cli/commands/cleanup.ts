import * as path from 'node:path';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import type { CleanupResult } from '../../cleanup';
import { unifiedDiff } from '../../cleanup/diff';
import { escapeControlChars, oneLine } from '../../report/control-chars';
import { loadConfig, type ResolvedConfig } from '../../config/load';
import { nearestKey } from '../../text';
import { EXIT } from '../exit-codes';
import { UsageError, addColorOptions, addConfigOption, checkPathsExist, useColor } from '../options';
import { action } from '../run';
import { acquireLock, LockError, writeAllOrNothing, WriteError, type Lock } from '../write';
import { parseValueOption, valueFromSources, type SourceValue } from './cleanup-value';

export { parseValueOption } from './cleanup-value';

interface CleanupOptions {
  config?: string;
  value?: string;
  valueFromCodeDefault?: boolean;
  dryRun?: boolean;
  verify: boolean;
  removeDefinition?: boolean;
  format: 'text' | 'json';
  offline?: boolean;
  sourceEnv?: string;
  color?: boolean;
}

/** How the value was chosen, said in the output. */
type ValueOrigin = 'option' | 'source' | 'code-default (flag disabled)' | 'code-default (--value-from-code-default)';

/** `flagsweep cleanup <key> [--value v] [paths…]`: removes the flag from the code, keeping the winning branch. */
export function registerCleanup(program: Command): void {
  const command = addConfigOption(
    program
      .command('cleanup')
      .description('remove a flag from the code as if every check returned its final value, then simplify, prune and verify')
      .argument('<key>', 'the flag key')
      .argument('[paths...]', 'files or folders to clean (default: the whole project)'),
  )
    .option('--value <value>', 'the final value, read as JSON first (true, 0.1, \'"on"\', \'{"a":1}\'), else as a string (default: the single winning value of a healthy flag source)')
    .option('--value-from-code-default', 'for a flag no flag source defines: keep the default the code falls back to')
    .option('--dry-run', 'print a unified diff and write nothing')
    .option('--no-verify', 'skip type-checking the changed files and their importers before writing')
    .option('--remove-definition', "also remove the flag's definition from the flagd file")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--offline', 'read flag state from the flag file and caches only')
    .option('--source-env <environment>', 'environment of remote flag sources');
  addColorOptions(command).action(action((key: string, paths: string[], opts: CleanupOptions) => runCleanup(key, paths, opts)));
}

async function runCleanup(key: string, paths: string[], opts: CleanupOptions): Promise<number> {
  checkPathsExist(paths);
  if (opts.value !== undefined && opts.valueFromCodeDefault) throw new UsageError('--value and --value-from-code-default exclude each other');
  const config = loadConfig(paths[0] ?? process.cwd(), opts.config);
  const given = opts.value !== undefined ? parseValueOption(opts.value) : undefined;
  let lock: Lock | undefined;
  try {
    lock = opts.dryRun ? undefined : acquireLock(config.root);
    const fromSources = opts.value === undefined ? await valueFromSources(config, key, opts) : undefined;
    const origin = originOf(opts, fromSources);
    // Loaded here, not at startup: the engine brings TypeScript (~0.4 s) that the other commands never need.
    const { cleanupFlag } = require('../../cleanup') as typeof import('../../cleanup');
    const absent = fromSources?.kind === 'absent' && !opts.valueFromCodeDefault;
    const result = await cleanupFlag({
      config,
      key,
      value: fromSources?.kind === 'value' ? fromSources.value : given,
      scope: { kind: 'project', paths: paths.length > 0 ? paths.map((p) => path.resolve(p)) : undefined },
      removeDefinition: opts.removeDefinition,
      verify: opts.verify && !absent,
    });
    if (result.stats.checksFound === 0 && result.stats.declarationsFound === 0 && (fromSources === undefined || fromSources.kind === 'absent')) {
      const unknown = await unknownFlagMessage(config, key, opts);
      if (unknown) throw new UsageError(unknown);
    }
    if (absent) {
      const where = fromSources.sources.length > 0 ? `is not defined in ${fromSources.sources.join(', ')}` : 'has no flag source (none is configured)';
      throw new UsageError(`flag "${key}" ${where}; pass --value, or --value-from-code-default to keep what the code falls back to`);
    }
    return report(result, config, opts, origin);
  } catch (e) {
    if (e instanceof LockError || e instanceof WriteError) {
      process.stderr.write(`flagsweep: ${e.message}\n`);
      return EXIT.USAGE;
    }
    throw e;
  } finally {
    lock?.release();
  }
}

function originOf(opts: CleanupOptions, fromSources: SourceValue | undefined): ValueOrigin {
  if (!fromSources) return 'option';
  if (fromSources.kind === 'value') return 'source';
  return fromSources.kind === 'code-default' ? 'code-default (flag disabled)' : 'code-default (--value-from-code-default)';
}

/** No check, declaration or definition of `key` anywhere: a typo. The message names the nearest known key. */
async function unknownFlagMessage(config: ResolvedConfig, key: string, opts: CleanupOptions): Promise<string | undefined> {
  const { analyze } = require('../../analyze') as typeof import('../../analyze');
  const analysis = await analyze({ cwd: config.root, config, now: new Date(), env: process.env, offline: true, sourceEnvironment: opts.sourceEnv });
  const known = new Set(analysis.records.map((r) => r.key));
  if (known.has(key)) return undefined;
  const suggestion = nearestKey(key, known);
  return `no flag \`${key}\`${suggestion !== undefined ? `; did you mean \`${suggestion}\`?` : ''}`;
}

async function report(result: CleanupResult, config: ResolvedConfig, opts: CleanupOptions, origin: ValueOrigin): Promise<number> {
  const errors = result.errors;
  if (errors.length > 0) {
    if (opts.format === 'json') process.stdout.write(`${JSON.stringify(toJson(result, config, false, origin), null, 2)}\n`);
    const verification = errors.filter((e) => e.kind === 'verification');
    if (verification.length === errors.length) {
      process.stderr.write(`flagsweep: the cleanup of ${result.key} would add ${verification.length} TypeScript diagnostic${verification.length === 1 ? '' : 's'}; nothing was written:\n`);
      for (const e of verification) process.stderr.write(`  ${escapeControlChars(e.message)}\n`);
      return EXIT.FINDINGS;
    }
    for (const e of errors) process.stderr.write(`flagsweep: ${oneLine(e.message)}\n`);
    process.stderr.write('flagsweep: nothing was written\n');
    return EXIT.USAGE;
  }
  const written = !opts.dryRun && result.files.length > 0;
  if (written) await writeAllOrNothing(result.files, { beforeCommit: testPause() });
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(toJson(result, config, written, origin), null, 2)}\n`);
  else process.stdout.write(formatText(result, config, { dryRun: !!opts.dryRun, color: useColor(opts), origin }));
  return result.leftForHuman.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/** FLAGSWEEP_TEST_PAUSE_BEFORE_COMMIT_MS: the tests' way to interrupt or race a write between staging and renaming. */
function testPause(): (() => Promise<void>) | undefined {
  const ms = Number(process.env.FLAGSWEEP_TEST_PAUSE_BEFORE_COMMIT_MS);
  return ms > 0 ? () => new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
}

function rel(config: ResolvedConfig, file: string): string {
  return path.relative(process.cwd(), file).replace(/\\/g, '/') || path.relative(config.root, file);
}

/** A file name for the terminal: a newline or an escape sequence in it is shown, not acted on. */
function shown(config: ResolvedConfig, file: string): string {
  return oneLine(rel(config, file));
}

function formatText(result: CleanupResult, config: ResolvedConfig, opts: { dryRun: boolean; color: boolean; origin: ValueOrigin }): string {
  const c = opts.color ? pc : pc.createColors(false);
  let out = '';
  if (opts.dryRun) out += unifiedDiff(result.files, (file) => rel(config, file));
  const verb = opts.dryRun ? 'would change' : 'changed';
  const from = opts.origin.startsWith('code-default') ? ` (the code default: ${opts.origin === 'code-default (flag disabled)' ? 'the flag is disabled' : '--value-from-code-default'})` : '';
  out += `${c.bold(`cleanup ${result.key} = ${JSON.stringify(result.value)}`)}${from}: ${verb} ${result.files.length} file${result.files.length === 1 ? '' : 's'}, ${result.stats.linesRemoved} line${result.stats.linesRemoved === 1 ? '' : 's'} removed\n`;
  for (const f of result.files) out += `  ${shown(config, f.file)}  -${f.linesRemoved}\n`;
  if (result.files.length > 0) out += `${verificationLine(result, config)}\n`;
  if (result.leftForHuman.length > 0) {
    out += `${c.yellow(`${result.leftForHuman.length} site${result.leftForHuman.length === 1 ? '' : 's'} left to finish by hand`)}:\n`;
    for (const s of result.leftForHuman) out += `  ${shown(config, s.file)}:${s.line}:${s.column}  ${oneLine(s.reason)}\n`;
  }
  if (result.testsToReview.length > 0) {
    out += `${c.yellow(`${result.testsToReview.length} test${result.testsToReview.length === 1 ? '' : 's'} to review`)} (they set the flag to another value, so they covered the removed code):\n`;
    for (const s of result.testsToReview) out += `  ${shown(config, s.file)}:${s.line}:${s.column}  ${oneLine(s.reason)}\n`;
  }
  for (const d of result.diagnostics) out += `${d.severity}: ${oneLine(d.where)}${d.line ? `:${d.line}:${d.column ?? 1}` : ''} ${oneLine(d.message)}\n`;
  return out;
}

function verificationLine(result: CleanupResult, config: ResolvedConfig): string {
  const v = result.verification;
  const seconds = `${(v.durationMs / 1000).toFixed(1)} s`;
  if (v.mode === 'skipped') return 'not verified (--no-verify)';
  const files = `${v.checkedFiles.length} file${v.checkedFiles.length === 1 ? '' : 's'}`;
  if (v.mode === 'syntax') return `verified: syntax only, no tsconfig.json covers the changed files (${files} re-parsed, ${seconds})`;
  const configs = v.tsconfigs.map((t) => path.relative(config.root, t).replace(/\\/g, '/') || t).join(', ');
  const partial = v.syntaxOnlyFiles.length > 0 ? `; ${v.syntaxOnlyFiles.length} file(s) outside every tsconfig re-parsed only` : '';
  return `verified: type-checked ${files} with ${configs}, no new diagnostics${partial} (${seconds})`;
}

function toJson(result: CleanupResult, config: ResolvedConfig, written: boolean, origin: ValueOrigin) {
  const relative = (f: string) => path.relative(config.root, f).replace(/\\/g, '/');
  const v = result.verification;
  return {
    version: 1,
    key: result.key,
    value: result.value,
    valueFrom: origin,
    written,
    files: result.files.map((f) => ({ file: relative(f.file), linesRemoved: f.linesRemoved, edits: f.edits })),
    leftForHuman: result.leftForHuman.map((s) => ({ ...s, file: relative(s.file) })),
    testsToReview: result.testsToReview.map((s) => ({ ...s, file: relative(s.file) })),
    errors: result.errors,
    verification: {
      ...v,
      tsconfigs: v.tsconfigs.map(relative),
      checkedFiles: v.checkedFiles.map(relative),
      syntaxOnlyFiles: v.syntaxOnlyFiles.map(relative),
      newDiagnostics: v.newDiagnostics.map((d) => ({ ...d, file: relative(d.file) })),
    },
    diagnostics: result.diagnostics,
    stats: result.stats,
  };
}
