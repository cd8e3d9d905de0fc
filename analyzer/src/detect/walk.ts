import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * What one walk found: the files and links to something its patterns match, absolute with forward slashes, and every
 * folder it read or looked in (absolute).
 */
export interface FoundEntries {
  files: string[];
  links: string[];
  dirs: Set<string>;
}

/**
 * Can the walker list this include or exclude pattern exactly as fast-glob does? Yes for relative globs whose only
 * wildcards are `*`, `**` and `{a,b}` lists, with no segment starting with `.` (or `!`, a negation). `?`, classes,
 * extglobs, ranges, quotes and escapes are left to fast-glob: its choice of the folder a walk starts from and of what
 * counts as a wildcard follows heuristics (is-glob, glob-parent) that differ from picomatch's for them.
 */
export function isPlainPattern(pattern: string): boolean {
  if (/[\\?()[\]|$"'`\u00a0\ufeff]|\.\./.test(pattern)) return false;
  const expanded = expandPattern(pattern);
  return expanded.length > 0 && expanded.every(isPlainExpansion);
}

function isPlainExpansion(pattern: string): boolean {
  return pattern.split('/').every((segment) => segment !== '' && !/^[.!]|[{}]/.test(segment));
}

/**
 * The files and links below `root` that `patterns` match and `exclude` leaves, walked as fast-glob walks with
 * `{ dot: false, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true }`: each pattern from its own
 * base folder, pruning a folder no pattern can reach below or that an exclude pattern covers. The patterns are plain
 * (isPlainPattern), but for a last segment naming a dot file (the `.gitignore` patterns). Folders whose name starts
 * with a dot are not read at all: with `dot: false`, nothing below one can match.
 */
export function walkSync(root: string, patterns: readonly string[], exclude: readonly string[]): FoundEntries {
  const walk = new Walk(root, exclusionsOf(exclude));
  const expanded = patterns.flatMap(expandPattern);
  for (const pattern of expanded.filter((p) => !p.includes('*'))) walk.lookUp(pattern);
  for (const task of walkTasks(expanded.filter((p) => p.includes('*')))) walk.walk(task);
  return { files: walk.files, links: walk.links, dirs: walk.dirs };
}

// fast-glob's matching options (micromatch hands them to picomatch), dot: false.
const MATCH: picomatch.PicomatchOptions = {
  dot: false,
  matchBase: false,
  nobrace: false,
  nocase: false,
  noext: false,
  noglobstar: false,
  posix: true,
  strictSlashes: false,
};

export interface Exclusions {
  /** Excludes a file or link (fast-glob matches ignore patterns with dot: true). */
  entry: RegExp;
  /** Keeps a folder unread: fast-glob applies only the ignore patterns ending in `/**` or in a literal name. */
  folder: RegExp;
}

/** The exclude patterns as a walk applies them (braces expanded first, as fast-glob does). */
export function exclusionsOf(exclude: readonly string[]): Exclusions {
  return exclusions(exclude.flatMap(expandPattern));
}

function exclusions(exclude: string[]): Exclusions {
  return {
    entry: anyOf(exclude, { ...MATCH, dot: true }),
    folder: anyOf(exclude.filter((p) => p.endsWith('/**') || !lastSegment(p).includes('*')), MATCH),
  };
}

/**
 * Would a listing leave out this root-relative path, excluded itself or below a folder the walk does not read?
 * `exclude` expanded (see exclusions).
 */
export function isExcluded(relative: string, excluded: Exclusions): boolean {
  if (excluded.entry.test(relative)) return true;
  for (let slash = relative.indexOf('/'); slash !== -1; slash = relative.indexOf('/', slash + 1)) {
    if (excluded.folder.test(relative.slice(0, slash))) return true;
  }
  return false;
}

/** One regular expression for several patterns: a path is tested once, not once per pattern. */
function anyOf(patterns: string[], options: picomatch.PicomatchOptions): RegExp {
  return patterns.length === 0 ? /(?!)/ : new RegExp(patterns.map((p) => picomatch.makeRe(p, options).source).join('|'));
}

/** Patterns sharing a base folder, walked from it as one. */
interface WalkTask {
  base: string;
  include: RegExp;
  shapes: PatternShape[];
}

/**
 * fast-glob walks the patterns grouped by base folder (the leading segments without a wildcard), but all from the
 * root as soon as one has no base folder. The base folder itself is read whatever the exclude patterns say.
 */
function walkTasks(patterns: string[]): WalkTask[] {
  const byBase = new Map<string, string[]>();
  for (const pattern of patterns) {
    const base = baseFolder(pattern);
    byBase.set(base, [...(byBase.get(base) ?? []), pattern]);
  }
  const groups = byBase.has('') ? new Map([['', patterns]]) : byBase;
  return [...groups].map(([base, group]) => ({ base, include: anyOf(group, MATCH), shapes: group.map(patternShape) }));
}

function baseFolder(pattern: string): string {
  const segments = pattern.split('/').slice(0, -1);
  const wild = segments.findIndex((s) => s.includes('*'));
  return segments.slice(0, wild < 0 ? segments.length : wild).join('/');
}

/**
 * A pattern as fast-glob's partial matcher sees it, to decide whether a folder can hold a match: its segments (a
 * literal name or a wildcard), and where its first `**` is (below that depth, anything may match).
 */
interface PatternShape {
  segments: (string | RegExp)[];
  globstarAt: number | undefined;
}

function patternShape(pattern: string): PatternShape {
  const parts = pattern.split('/');
  const globstarAt = parts.findIndex((s) => s.includes('**'));
  return {
    segments: parts.map((s) => (s.includes('*') ? picomatch.makeRe(s, MATCH) : s)),
    globstarAt: globstarAt < 0 ? undefined : globstarAt,
  };
}

function mayHoldMatch(folder: string, shapes: PatternShape[]): boolean {
  const parts = folder.split('/');
  return shapes.some((shape) => {
    if (shape.globstarAt === undefined && shape.segments.length <= parts.length) return false;
    if (shape.globstarAt !== undefined && parts.length > shape.globstarAt) return true;
    return parts.every((part, i) => {
      const segment = shape.segments[i];
      return typeof segment === 'string' ? segment === part : segment.test(part);
    });
  });
}

class Walk {
  readonly files: string[] = [];
  readonly links: string[] = [];
  readonly dirs = new Set<string>();
  /** fast-glob lists an entry once, however many patterns reach it. */
  private readonly listed = new Set<string>();
  private readonly root: string;
  private readonly prefix: string;

  constructor(
    root: string,
    private readonly exclusions: Exclusions,
  ) {
    this.root = path.resolve(root).replace(/\\/g, '/');
    this.prefix = this.root.endsWith('/') ? this.root : `${this.root}/`;
  }

  /** A pattern without wildcards names one path: looked up, not listed (a link to a folder on the way is followed). */
  lookUp(pattern: string): void {
    const target = this.prefix + pattern;
    this.dirs.add(path.posix.dirname(target));
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch {
      return;
    }
    this.keep(pattern, stat, anyOf([pattern], MATCH));
  }

  walk(task: WalkTask): void {
    const queue = [task.base];
    for (let folder = queue.pop(); folder !== undefined; folder = queue.pop()) {
      for (const entry of this.read(folder)) {
        const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) {
          if (this.descends(entry.name, relative, task)) queue.push(relative);
        } else {
          this.keep(relative, entry, task.include);
        }
      }
    }
  }

  private read(folder: string): fs.Dirent[] {
    const dir = folder === '' ? this.root : this.prefix + folder;
    this.dirs.add(dir);
    try {
      return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  }

  private descends(name: string, folder: string, task: WalkTask): boolean {
    return !name.startsWith('.') && mayHoldMatch(folder, task.shapes) && !this.exclusions.folder.test(folder);
  }

  private keep(relative: string, entry: fs.Dirent | fs.Stats, include: RegExp): void {
    if (!entry.isFile() && !entry.isSymbolicLink()) return;
    if (this.listed.has(relative) || !include.test(relative) || this.exclusions.entry.test(relative)) return;
    this.listed.add(relative);
    (entry.isFile() ? this.files : this.links).push(this.prefix + relative);
  }
}

/** fast-glob expands braces before anything else, then drops empty patterns and doubled slashes. */
function expandPattern(pattern: string): string[] {
  return expandBraces(pattern).filter((p) => p !== '').map((p) => p.replace(/(?!^)\/{2,}/g, '/'));
}

/**
 * `a/{b,c{d,e}}` → `a/b`, `a/cd`, `a/ce`, as micromatch.braces expands it. From a brace that holds no comma or is not
 * closed on, the pattern is left as it is (and is not plain).
 */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  const close = open < 0 ? -1 : closingBrace(pattern, open);
  const alternatives = close < 0 ? [] : topLevelAlternatives(pattern.slice(open + 1, close));
  if (alternatives.length < 2) return [pattern];
  return [...new Set(alternatives.flatMap((a) => expandBraces(pattern.slice(0, open) + a + pattern.slice(close + 1))))];
}

function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function topLevelAlternatives(inside: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    if (inside[i] === '{') depth++;
    if (inside[i] === '}') depth--;
    if (inside[i] === ',' && depth === 0) {
      alternatives.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  return [...alternatives, inside.slice(start)];
}

function lastSegment(pattern: string): string {
  return pattern.slice(pattern.lastIndexOf('/') + 1);
}
