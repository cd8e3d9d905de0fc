import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from '../config/load';

/**
 * The files a scan covers: `config.include` minus `config.exclude` (globs relative to config.root), minus what
 * .gitignore files under the root ignore when `config.gitignore`. `paths` (files or folders) narrow the scan.
 * Absolute paths with forward slashes, sorted.
 */
export async function listSourceFiles(config: ResolvedConfig, paths?: string[]): Promise<string[]> {
  const query = globQuery(config);
  return selectFiles(config, filesAndFileLinks(await fg(query.patterns, query.options)), paths);
}

/** The same list, synchronously, for callers that can't await (ESLint rules). */
export function listSourceFilesSync(config: ResolvedConfig, paths?: string[]): string[] {
  const query = globQuery(config);
  return selectFiles(config, filesAndFileLinks(fg.sync(query.patterns, query.options)), paths);
}

/**
 * Regular files, and symlinks to files: a linked source file is part of the project (cleanup writes through the
 * link). Links to folders are not followed (they may loop).
 */
function filesAndFileLinks(entries: fg.Entry[]): string[] {
  const isFileTarget = (p: string): boolean => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  return entries.filter((e) => e.dirent.isFile() || (e.dirent.isSymbolicLink() && isFileTarget(e.path))).map((e) => e.path);
}

function globQuery(config: ResolvedConfig): { patterns: string[]; options: fg.Options & { objectMode: true } } {
  const root = config.root.replace(/\\/g, '/');
  // One walk finds both the sources and the .gitignore files below the root.
  return {
    patterns: config.gitignore ? [...config.include, '**/.gitignore'] : config.include,
    options: { cwd: root, ignore: config.exclude, absolute: true, dot: false, onlyFiles: false, objectMode: true, followSymbolicLinks: false, suppressErrors: true },
  };
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
    const ignoreFiles = [...ancestorIgnoreFiles(root), ...below];
    if (ignoreFiles.length > 0) files = files.filter(gitignoreFilter(ignoreFiles));
  }
  return files.map((f) => f.replace(/\\/g, '/')).sort();
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
  const rules: { dir: string; ig: Ignore }[] = ignoreFiles.map((f) => {
    const dir = path.posix.dirname(f.replace(/\\/g, '/'));
    return { dir, ig: ignore().add(fs.readFileSync(f, 'utf8')) };
  });
  return (file) => {
    for (const { dir, ig } of rules) {
      if (!file.startsWith(dir + '/')) continue;
      if (ig.ignores(file.slice(dir.length + 1))) return false;
    }
    return true;
  };
}
