import type { AnalysisResult } from '../analyze';
import { formatBytes } from '../fs';
import { oneLine } from '../report/control-chars';
import { relativePath } from '../report/paths';

/** What keeps a gate from giving a trustworthy answer, and what is only worth a note. One line each. */
export interface GateProblems {
  /** `check` exits 2 on any of these; `scan` prints them as warnings. */
  errors: string[];
  notes: string[];
}

const MAX_FILES_LISTED = 10;

/**
 * Why a green gate would be a lie: a flag source that can't be read (missing file, invalid JSON or schema, a
 * malformed flag or expiry, a remote source with no data), no file to scan, or files that were not scanned.
 * Files over maxFileBytes are a note: the limit is the project's own choice, and they are named.
 */
export function gateProblems(result: AnalysisResult, opts: { allowParseErrors?: boolean; forScan?: boolean } = {}): GateProblems {
  const root = result.config.root;
  const errors: string[] = [];
  const notes: string[] = [];
  const at = (where: string, line?: number, column?: number) =>
    `${where.startsWith('/') ? relativePath(root, where) : where}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`;

  for (const s of result.snapshots) {
    // No config file at all: the default flags.flagd.json is optional (annotations in code may be all there is).
    if (!result.config.configFile && s.kind === 'flagd' && s.diagnostics.every((d) => d.message.startsWith('no flag file at '))) {
      if (s.health === 'error') notes.push(`no flag file (${s.id.slice('flagd:'.length)}) and no flagsweep.config.json: flag states come from annotations in code only`);
      continue;
    }
    if (s.health === 'error' || s.health === 'offline') {
      const why = s.diagnostics.find((d) => d.severity !== 'info') ?? s.diagnostics[0];
      const named = why && why.where.startsWith('/') && !why.message.includes(why.where);
      const where = named ? `${why.message.includes(`line ${why.line}`) ? at(why.where) : at(why.where, why.line, why.column)}: ` : '';
      errors.push(`flag source ${s.id} cannot be used: ${why ? `${where}${why.message}` : `health ${s.health}`}`);
      continue;
    }
    // A flag skipped or an expiry ignored: that flag's status can't be trusted, so neither can the gate.
    for (const d of s.diagnostics.filter((x) => x.severity === 'error')) errors.push(`flag source ${s.id}: ${at(d.where, d.line, d.column)}: ${d.message}`);
    // Warnings (a vendor's flag of odd shape skipped, metadata ignored) are named, never silent.
    for (const d of s.diagnostics.filter((x) => x.severity === 'warning' && s.health === 'ok')) notes.push(`flag source ${s.id}: ${d.message}`);
    if (s.health === 'cached') notes.push(`flag source ${s.id} answered from its cache (as of ${s.asOf ?? 'unknown'})`);
  }

  if (result.stats.files === 0) {
    const list = (globs: readonly string[]) => (globs.length ? globs.join(', ') : 'nothing');
    errors.push(`no source file to check: nothing under ${relativePath(process.cwd(), root) || '.'} matches "include" (${list(result.config.include)}) minus "exclude" (${list(result.config.exclude)})`);
  }

  const unscanned = result.skipped.filter((s) => s.kind !== 'too-large');
  if (unscanned.length > 0 && !opts.allowParseErrors) {
    const hint = opts.forScan ? '`check` fails on this' : 'fix it, exclude it, or pass --allow-parse-errors';
    for (const s of unscanned.slice(0, MAX_FILES_LISTED)) {
      errors.push(`${relativePath(root, s.file)} ${s.kind === 'parse-error' ? 'does not parse' : 'was not scanned'} (${s.reason}); ${hint}`);
    }
    if (unscanned.length > MAX_FILES_LISTED) errors.push(`… and ${unscanned.length - MAX_FILES_LISTED} more files not scanned`);
  } else if (unscanned.length > 0) {
    notes.push(`${unscanned.length} file${unscanned.length === 1 ? '' : 's'} not scanned (--allow-parse-errors): ${unscanned.map((s) => relativePath(root, s.file)).join(', ')}`);
  }
  const tooLarge = result.skipped.filter((s) => s.kind === 'too-large');
  if (tooLarge.length > 0) {
    notes.push(
      `${tooLarge.length} file${tooLarge.length === 1 ? '' : 's'} over the ${formatBytes(result.config.maxFileBytes)} limit ("maxFileBytes") not scanned: ${tooLarge.map((s) => relativePath(root, s.file)).join(', ')}`,
    );
  }
  return { errors: errors.map(oneLine), notes: notes.map(oneLine) };
}
