import * as path from 'node:path';
import { canonicalKeys, findConfigFile, loadConfig, mergeSnapshots, resolveConfig, type FlagState, type ResolvedConfig, type SourceSnapshot } from '@flagsweep/analyzer';
import { sameStamp, statFile, type FileStamp } from './file-stamp';
import { readFlagFile } from './flag-file';
import { overlay, type ParsedSettings } from './settings';

/** Everything a rule needs to know about the project a file belongs to; shared by all files under one config. */
export interface Project {
  config: ResolvedConfig;
  flags: FlagIndex;
  /** One-line problems with the config or the flag file, each reported once as a lint error. */
  problems: string[];
}

export interface FlagIndex {
  byKey: ReadonlyMap<string, FlagState>;
  /** True when every source is a flagd file that loaded: only then is "not in the flag source" meaningful. */
  complete: boolean;
  /** True when a flagd file could not be read or parsed. */
  failed: boolean;
  /** Maps a key as written in code (a camelCase member name) to the source's key. */
  canonical: (key: string, form?: 'as-is' | 'camelCase') => string;
}

interface ConfigEntry {
  stamp: FileStamp | { error: string } | undefined;
  config?: ResolvedConfig;
  error?: string;
}

const configFileByDir = new Map<string, string | null>();
const configEntries = new Map<string, ConfigEntry>();
const flagIndexes = new WeakMap<object, { inputs: unknown[]; index: FlagIndex }>();

/** The project of `filename`: its config (cached per config file, by mtime) and its flag file (cached by mtime). */
export function getProject(filename: string, cwd: string, parsed: ParsedSettings): Project | { error: string } {
  const { settings } = parsed;
  const configFile = settings.configFile ? path.resolve(cwd, settings.configFile) : nearestConfigFile(path.dirname(filename));
  const entry = configEntry(configFile, cwd, parsed);
  if (!entry.config) return { error: entry.error! };
  const config = entry.config;

  const results = config.sources.map((s) => {
    if (s.type !== 'flagd') return undefined;
    // Named as the config writes it: that is the path the user knows.
    const result = readFlagFile(path.resolve(config.root, s.path), s.path);
    // Without a config file the default flags.flagd.json is optional; with one, a missing flag file is an error.
    return result.missing && !config.configFile ? undefined : result;
  });
  const flags = flagIndex(entry, results);
  const problems = results.flatMap((r) => r?.problems ?? []);
  return { config, flags, problems };
}

function flagIndex(entry: ConfigEntry, results: (ReturnType<typeof readFlagFile> | undefined)[]): FlagIndex {
  const hit = flagIndexes.get(entry);
  if (hit && hit.inputs.length === results.length && hit.inputs.every((r, i) => r === results[i])) return hit.index;
  // The core's merge rule (sources/merge.ts): live state from the last source that knows a flag, metadata from the first.
  const byKey: ReadonlyMap<string, FlagState> = mergeSnapshots(results.map((r) => ({ states: r?.states ?? [] }) as unknown as SourceSnapshot));
  const complete = results.every((r) => r !== undefined && r.problems.length === 0);
  const failed = results.some((r) => r !== undefined && r.problems.length > 0);
  const index: FlagIndex = { byKey, complete, failed, canonical: canonicalKeys(byKey.keys()) };
  flagIndexes.set(entry, { inputs: results, index });
  return index;
}

function nearestConfigFile(dir: string): string | undefined {
  const known = configFileByDir.get(dir);
  if (known !== undefined) return known ?? undefined;
  const found = findConfigFile(dir);
  configFileByDir.set(dir, found ?? null);
  return found;
}

function configEntry(configFile: string | undefined, cwd: string, parsed: ParsedSettings): ConfigEntry {
  const cacheKey = `${configFile ?? `<defaults>${cwd}`}\0${parsed.cacheKey}`;
  const stamp = configFile ? statFile(configFile) : undefined;
  const hit = configEntries.get(cacheKey);
  if (hit && (configFile ? sameStamp(hit.stamp, stamp!) : true)) return hit;
  const entry: ConfigEntry = { stamp };
  try {
    const base = configFile ? loadConfig(path.dirname(configFile), configFile) : resolveConfig({}, cwd);
    entry.config = Object.keys(parsed.settings.overrides).length
      ? resolveConfig(overlay(stripResolved(base), parsed.settings.overrides), base.root, base.configFile)
      : base;
  } catch (e) {
    // The core names the config file by absolute path; relative to the lint's cwd it reads better in a lint message.
    const message = configFile ? (e as Error).message.split(configFile).join(displayPath(cwd, configFile)) : (e as Error).message;
    entry.error = message.startsWith('flagsweep:') ? message : `flagsweep: ${message}`;
  }
  configEntries.set(cacheKey, entry);
  return entry;
}

function stripResolved(config: ResolvedConfig): Record<string, unknown> {
  const { root: _root, configFile: _file, sources: _sources, ...raw } = config;
  return raw;
}

function displayPath(cwd: string, file: string): string {
  if (cwd === path.parse(cwd).root) return file;
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
