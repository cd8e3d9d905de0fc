import * as fs from 'node:fs';
import * as path from 'node:path';
import type fgType from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from '../config/load';
import { readTextFile } from '../fs/read';
import { isPlainPattern, walkSync, type FoundEntries } from './walk';

/**
 * What one walk of the project found, before .gitignore and `paths` are applied: files (and .gitignore files),
 * links (to be checked again: their targets may change unseen), and the mtime of every folder the walk looked in.
 * While no such folder changed (a file added, removed or renamed in it changes its mtime), a new walk would find
 * the same entries.
 */
export interface WalkedListing {
  files: string[];
  links: string[];
  dirs: Record<string, number>;
}

/** Where a walk is remembered between runs (the scan cache). */
export interface ListingMemo {
  recall(): WalkedListing | undefined;
  remember(listing: WalkedListing | undefined): void;
}

/** A folder changed this close to the walk may change again within its mtime's resolution: not remembered. */
const RACY_MS = 2_000;

/**
 * The files a scan covers: `config.include` minus `config.exclude` (globs relative to config.root), minus what
 * .gitignore files under the root ignore when `config.gitignore`. `paths` (files or folders) narrow the scan.
 * Absolute paths with forward slashes, sorted. With a `memo`, a walk whose folders are all unchanged is reused.
 */
export async function listSourceFiles(config: ResolvedConfig, paths?: string[], memo?: ListingMemo): Promise<string[]> {
  const remembered = recallWalk(memo);
  if (remembered) return selectFiles(config, remembered, paths);
  const started = Date.now();
  // The walker reads folders synchronously: a walk costs milliseconds, less than parsing one large file.
  const found = hasPlainPatterns(config) ? walkProject(config) : await globProject(config);
  return selectFiles(config, finishWalk(found, started, memo), paths);
}

/** The same list, synchronously, for callers that can't await (ESLint rules). */
export function listSourceFilesSync(config: ResolvedConfig, paths?: string[], memo?: ListingMemo): string[] {
  const remembered = recallWalk(memo);
  if (remembered) return selectFiles(config, remembered, paths);
  const started = Date.now();
  const found = hasPlainPatterns(config) ? walkProject(config) : globProjectSync(config);
  return selectFiles(config, finishWalk(found, started, memo), paths);
}

/** The list as fast-glob alone makes it, whatever the patterns: what the walker must match (tests compare them). */
export async function listWithFastGlob(config: ResolvedConfig, paths?: string[]): Promise<string[]> {
  return selectFiles(config, finishWalk(await globProject(config), Date.now(), undefined), paths);
}

/** The walker lists what fast-glob would for these patterns; fast-glob takes the others. */
function hasPlainPatterns(config: ResolvedConfig): boolean {
  return [...config.include, ...config.exclude].every(isPlainPattern);
}

function walkProject(config: ResolvedConfig): FoundEntries {
  return walkSync(config.root, walkedPatterns(config), config.exclude);
}

async function globProject(config: ResolvedConfig): Promise<FoundEntries> {
  const dirs = new Set<string>();
  const entries = await fastGlob()(walkedPatterns(config), globOptions(config, dirs));
  return foundEntries(entries, dirs);
}

function globProjectSync(config: ResolvedConfig): FoundEntries {
  const dirs = new Set<string>();
  return foundEntries(fastGlob().sync(walkedPatterns(config), globOptions(config, dirs)), dirs);
}

// Loaded on a walk only: a scan that reuses its remembered walk never loads the globber.
function fastGlob(): typeof fgType {
  return require('fast-glob') as typeof fgType;
}

/**
 * The file system as the walk sees it, noting every folder it reads, and the folder of every path it looks up
 * directly (a pattern without wildcards is a lookup, not a listing).
 */
function recordingFs(root: string, dirs: Set<string>): Partial<fgType.FileSystemAdapter> {
  const noting = <F extends (...args: never[]) => unknown>(fn: F, folderOf: (p: string) => string): F =>
    ((p: string, ...rest: unknown[]) => {
      dirs.add(path.resolve(root, folderOf(String(p))).replace(/\\/g, '/'));
      return (fn as unknown as (...args: unknown[]) => unknown)(p, ...rest);
    }) as unknown as F;
  const itself = (p: string): string => p;
  return {
    readdir: noting(fs.readdir, itself),
    readdirSync: noting(fs.readdirSync, itself),
    lstat: noting(fs.lstat, path.dirname),
    lstatSync: noting(fs.lstatSync, path.dirname),
    stat: noting(fs.stat, path.dirname),
    statSync: noting(fs.statSync, path.dirname),
  };
}

function foundEntries(entries: fgType.Entry[], dirs: Set<string>): FoundEntries {
  return {
    files: entries.filter((e) => e.dirent.isFile()).map((e) => e.path),
    links: entries.filter((e) => e.dirent.isSymbolicLink()).map((e) => e.path),
    dirs,
  };
}

function finishWalk(found: FoundEntries, started: number, memo: ListingMemo | undefined): string[] {
  const walked: WalkedListing = { files: found.files, links: found.links, dirs: {} };
  if (memo) {
    let steady = true;
    for (const dir of found.dirs) {
      const st = fs.statSync(dir, { throwIfNoEntry: false });
      if (!st?.isDirectory() || st.mtimeMs >= started - RACY_MS) {
        steady = false;
        break;
      }
      walked.dirs[dir] = st.mtimeMs;
    }
    memo.remember(steady ? walked : undefined);
  }
  return [...walked.files, ...walked.links.filter(isFileTarget)];
}

function recallWalk(memo: ListingMemo | undefined): string[] | undefined {
  const walked = memo?.recall();
  if (!walked) return undefined;
  for (const [dir, mtimeMs] of Object.entries(walked.dirs)) {
    const st = fs.statSync(dir, { throwIfNoEntry: false });
    if (!st?.isDirectory() || st.mtimeMs !== mtimeMs) return undefined;
  }
  return [...walked.files, ...walked.links.filter(isFileTarget)];
}

/**
 * Links to files count as files: a linked source file is part of the project (cleanup writes through the link).
 * Links to folders are not followed (they may loop).
 */
function isFileTarget(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// One walk finds both the sources and the .gitignore files that can apply to them.
function walkedPatterns(config: ResolvedConfig): string[] {
  return config.gitignore ? [...config.include, ...ignoreFilePatterns(config.include)] : config.include;
}

function globOptions(config: ResolvedConfig, dirs: Set<string>): fgType.Options & { objectMode: true } {
  const root = config.root.replace(/\\/g, '/');
  return {
    cwd: root,
    ignore: config.exclude,
    absolute: true,
    dot: false,
    onlyFiles: false,
    objectMode: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    fs: recordingFs(config.root, dirs),
  };
}

/**
 * Where the walk looks for .gitignore files: below each include pattern's fixed folder (a .gitignore applies to
 * paths below its own folder only), so a config that includes `packages/app/src/**` does not walk the rest of a
 * monorepo for them. The folders between the root and a fixed folder are looked at directly (`ignoreFilesAbove`).
 */
function ignoreFilePatterns(include: readonly string[]): string[] {
  const bases = fixedBases(include);
  if (!bases || bases.includes('')) return ['**/.gitignore'];
  return bases.map((base) => `${base}/**/.gitignore`);
}

/** The .gitignore files in the root and in the folders between it and each include pattern's fixed folder. */
function ignoreFilesAbove(root: string, include: readonly string[]): string[] {
  const bases = fixedBases(include);
  if (!bases || bases.includes('')) return [];
  const dirs = new Set<string>();
  for (const base of bases) {
    for (let dir = path.posix.dirname(base); dir !== '.'; dir = path.posix.dirname(dir)) dirs.add(`${root}/${dir}`);
    dirs.add(root);
  }
  return [...dirs].map((dir) => `${dir}/.gitignore`).filter((f) => fs.existsSync(f));
}

/** Each pattern's fixed folder; undefined when one is not a plain relative glob. */
function fixedBases(include: readonly string[]): string[] | undefined {
  const bases = include.map(fixedBase);
  return bases.every((b): b is string => b !== undefined) ? bases : undefined;
}

/** The leading folders of a glob that hold no wildcard ('' for none); undefined when the pattern is not plain. */
function fixedBase(pattern: string): string | undefined {
  if (pattern.startsWith('!') || pattern.startsWith('/') || pattern.includes('\\')) return undefined;
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    if (segment === '..') return undefined;
    if (segment !== '.' && segment !== '') fixed.push(segment);
  }
  return fixed.join('/');
}

function selectFiles(config: ResolvedConfig, found: string[], paths?: string[]): string[] {
  const root = config.root.replace(/\\/g, '/');
  const below = found.filter((f) => f.endsWith('/.gitignore'));
  let files = config.gitignore ? found.filter((f) => !f.endsWith('/.gitignore')) : found;
  if (paths && paths.length > 0) {
    const wanted = paths.map((p) => path.resolve(root, p).replace(/\\/g, '/'));
    files = files.filter((f) => wanted.some((w) => f === w || f.startsWith(w.endsWith('/') ? w : `${w}/`)));
  }
  if (config.gitignore) {
    const ignoreFiles = [...ancestorIgnoreFiles(root), ...ignoreFilesAbove(root, config.include), ...below];
    if (ignoreFiles.length > 0) files = files.filter(gitignoreFilter(ignoreFiles));
  }
  return (path.sep === '/' ? files : files.map((f) => f.replace(/\\/g, '/'))).sort();
}

/**
 * .gitignore files above the root, up to the repository's top (the folder holding .git): git applies them to the
 * scanned folder too. Outside a repository there are none.
 */
function ancestorIgnoreFiles(root: string): string[] {
  const found: string[] = [];
  let dir = path.posix.dirname(root);
  if (fs.existsSync(path.join(root, '.git'))) return found;
  for (;;) {
    const candidate = `${dir}/.gitignore`;
    if (fs.existsSync(candidate)) found.push(candidate);
    if (fs.existsSync(path.join(dir, '.git'))) return found;
    const parent = path.posix.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}

/** Each .gitignore applies to paths below its own folder, as git reads them. */
function gitignoreFilter(ignoreFiles: string[]): (file: string) => boolean {
  const rules: { dir: string; ig: Ignore }[] = ignoreFiles.flatMap((f) => {
    const dir = path.posix.dirname(f.replace(/\\/g, '/'));
    const text = readIgnoreFile(f);
    return text === undefined ? [] : [{ dir, ig: ignore().add(text) }];
  });
  return (file) => {
    for (const { dir, ig } of rules) {
      if (!file.startsWith(dir + '/')) continue;
      if (ig.ignores(file.slice(dir.length + 1))) return false;
    }
    return true;
  };
}

/**
 * A .gitignore's text; undefined for one that is not a regular file or cannot be read (a FIFO named .gitignore
 * would block the listing forever), or is over 1 MB: such a file ignores nothing.
 */
function readIgnoreFile(file: string): string | undefined {
  try {
    return readTextFile(file, { maxBytes: 1024 * 1024 });
  } catch {
    return undefined;
  }
}
