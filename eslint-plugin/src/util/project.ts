import * as path from 'node:path';
import { createSession, DEFAULT_CACHE_LOCATION, findConfigFile, loadConfig, resolveConfig, type ProjectSession, type ResolvedConfig } from '@flagsweep/analyzer/session';
import { sameStamp, statFile, type FileStamp } from './file-stamp';
export { sameStamp, statFile };
import { overlay, type ParsedSettings } from './settings';

/**
 * Everything a rule needs to know about the project a file belongs to; shared by all files under one config.
 * The index, the flag sources and the records are the core's ProjectSession (the one the CLI and the editor use).
 */
export interface Project {
  config: ResolvedConfig;
  session: ProjectSession;
  flags: FlagSourceHealth;
  /** One-line problems with the config or the flag file, each reported once as a lint error. */
  problems: string[];
  /** Stamps of the files key resolution read (a linted file's `dependsOn`) when first seen: a change re-indexes them. */
  depStamps: Map<string, FileStamp | { error: string }>;
  /** When the session indexed the project (Date.now()). */
  indexedAt: number;
  /** The local flag files (the session's `localSourceFiles()`), absolute. */
  flagFiles?: string[];
}

export interface FlagSourceHealth {
  /** True when every source is a flagd file that loaded: only then is "not in the flag source" meaningful. */
  complete: boolean;
  /** True when a flagd file could not be read or parsed. */
  failed: boolean;
}

type Stamp = FileStamp | { error: string };

interface ConfigEntry {
  stamp: Stamp | undefined;
  config?: ResolvedConfig;
  error?: string;
  project?: Project;
  /** The local flag files' stamps when the session last loaded them. */
  flagStamps?: Stamp[];
  indexed?: boolean;
  /** When to look at the config and flag files' stamps again. */
  schedule: RecheckSchedule;
  /** Set by `configEntry`: this lookup is one that looks at the stamps. */
  recheck?: boolean;
}

/**
 * Looking at the config and flag files for every linted file cost a lint of a 3,000-file app 60 ms of `stat`s. They
 * are looked at again when a file is linted a second time (an editor re-linting it, a new run of a long-lived
 * ESLint) and otherwise at most every RECHECK_MS, so a change is seen by the next lint of any file after that.
 */
const RECHECK_MS = 1_000;

class RecheckSchedule {
  private checkedAt = -Infinity;
  private readonly linted = new Set<string>();

  due(file: string): boolean {
    const now = Date.now();
    const due = now - this.checkedAt >= RECHECK_MS || this.linted.has(file);
    if (due) {
      this.checkedAt = now;
      this.linted.clear();
    }
    this.linted.add(file);
    return due;
  }
}

const configFileByDir = new Map<string, string | null>();
const configEntries = new Map<string, ConfigEntry>();

/**
 * The project of `filename`: its config (cached per config file, by mtime) and one session per resolved config,
 * kept across files and across lint runs in a long-lived ESLint (an editor's), its flag files re-read when their
 * stamp changes. The session is indexed (the whole project, as the CLI lists it) when the first file asks.
 */
export function getProject(filename: string, cwd: string, parsed: ParsedSettings, today: Date): Project | { error: string } {
  const { settings } = parsed;
  const configFile = settings.configFile ? path.resolve(cwd, settings.configFile) : nearestConfigFile(path.dirname(filename));
  const entry = configEntry(configFile, cwd, parsed, filename);
  if (!entry.config) return { error: entry.error! };
  const config = entry.config;

  if (!entry.project) {
    // The scan cache a `flagsweep --cache` run or the editor left is read, never written: files unchanged since come
    // from it unread and unparsed. ESLint gets the linted file's own text to the session anyway.
    const reuseCache = { location: path.join(config.root, DEFAULT_CACHE_LOCATION) };
    // Files that only read flags are parsed when ESLint lints them, from typescript-eslint's parse (deferParses).
    const session = createSession({ config, now: today, reuseCache, skipUnchangedUpdates: true, retainModuleParses: false, deferParses: true });
    entry.project = { config, session, flags: { complete: false, failed: false }, problems: [], depStamps: new Map(), indexedAt: 0 };
  }
  const project = entry.project;
  const session = project.session;
  session.setNow(today);
  project.flagFiles ??= session.localSourceFiles();
  if (!entry.flagStamps || entry.recheck) refreshSources(entry, project);
  if (!entry.indexed) {
    entry.indexed = true;
    project.indexedAt = Date.now();
    session.indexAllSync();
  }
  return project;
}

/** Loads the flag files the first time, and again when their stamps changed. */
function refreshSources(entry: ConfigEntry, project: Project): void {
  const session = project.session;
  const stamps = project.flagFiles!.map((f) => statFile(f));
  if (!entry.flagStamps) {
    session.loadSourcesSync();
    entry.flagStamps = stamps;
    Object.assign(project, sourceHealth(project.config, project, stamps));
  } else if (stamps.some((s, i) => !sameStamp(entry.flagStamps![i], s))) {
    session.loadSourcesSync({ localOnly: true });
    entry.flagStamps = stamps;
    Object.assign(project, sourceHealth(project.config, project, stamps));
  }
}

/**
 * The flag files' problems as lint messages (named as the config writes the path: the one the user knows), and
 * whether the flag source can say a key does not exist. Remote sources are never fetched at lint time.
 */
function sourceHealth(config: ResolvedConfig, project: Project, stamps: readonly Stamp[]): Pick<Project, 'flags' | 'problems'> {
  const snapshots = project.session.snapshots();
  const problems: string[] = [];
  let complete = true;
  let failed = false;
  let flagd = 0;
  config.sources.forEach((source, i) => {
    if (source.type !== 'flagd') {
      complete = false;
      return;
    }
    const stamp = stamps[flagd++];
    const file = path.resolve(config.root, source.path);
    const fileProblems: string[] = [];
    if ('error' in stamp) {
      // Without a config file the default flags.flagd.json is optional; with one, a missing flag file is an error.
      if (stamp.error === 'ENOENT' && !config.configFile) {
        complete = false;
        return;
      }
      fileProblems.push(`flagsweep: cannot read flag file ${source.path} (${stamp.error})`);
    } else {
      const unreadable = `cannot read the flag file ${file} `;
      for (const d of snapshots[i]?.diagnostics ?? []) {
        if (d.severity !== 'error') continue;
        if (d.message.startsWith(unreadable)) {
          fileProblems.push(`flagsweep: cannot read flag file ${source.path} ${d.message.slice(unreadable.length)}`);
          continue;
        }
        const at = d.line && !d.message.includes(`line ${d.line}`) ? `:${d.line}:${d.column ?? 1}` : '';
        fileProblems.push(`flagsweep: flag file ${source.path}${at}: ${d.message}`);
      }
    }
    if (fileProblems.length > 0) {
      complete = false;
      failed = true;
      problems.push(...fileProblems);
    }
  });
  return { flags: { complete, failed }, problems };
}

function nearestConfigFile(dir: string): string | undefined {
  const known = configFileByDir.get(dir);
  if (known !== undefined) return known ?? undefined;
  const found = findConfigFile(dir);
  configFileByDir.set(dir, found ?? null);
  return found;
}

function configEntry(configFile: string | undefined, cwd: string, parsed: ParsedSettings, linted: string): ConfigEntry {
  const cacheKey = `${configFile ?? `<defaults>${cwd}`}\0${parsed.cacheKey}`;
  const hit = configEntries.get(cacheKey);
  const recheck = hit ? hit.schedule.due(linted) : true;
  if (hit && !recheck) {
    hit.recheck = false;
    return hit;
  }
  const stamp = configFile ? statFile(configFile) : undefined;
  if (hit && (configFile ? sameStamp(hit.stamp, stamp!) : true)) {
    hit.recheck = true;
    return hit;
  }
  const schedule = new RecheckSchedule();
  schedule.due(linted);
  const entry: ConfigEntry = { stamp, schedule };
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
