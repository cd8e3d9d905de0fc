import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFile, type FlagAnnotation, type ResolvedConfig } from '@flagsweep/analyzer';
import { sameStamp, statFile, type FileStamp } from './file-stamp';
import { detectContextFor } from './file-facts';
import { samePath } from './rule-helpers';
import { readForIndex } from './source-files';

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
/** An editor session sees annotations edited in other files after at most this long; a CLI run rarely re-checks. */
const REFRESH_MS = 10_000;

interface FileEntry {
  stamp: FileStamp | { error: string };
  annotations: FlagAnnotation[];
}

interface ProjectIndex {
  files: Map<string, FileEntry>;
  byKey: Map<string, FlagAnnotation[]>;
  checkedAt: number;
}

const indexes = new WeakMap<ResolvedConfig, ProjectIndex>();

/**
 * Every flag annotation in the project by key: `@flag <key>` comments and annotated key declarations, in any file
 * under the config's folder. This is what makes the plugin agree with the CLI, which joins all annotations of a key
 * wherever they are. Built once per lint run; files are re-read only when their mtime or size changes, and only
 * files containing `@flag` are parsed.
 */
export function projectAnnotations(config: ResolvedConfig, now = Date.now()): ReadonlyMap<string, FlagAnnotation[]> {
  let index = indexes.get(config);
  if (index && now - index.checkedAt < REFRESH_MS) return index.byKey;
  index = refresh(config, index);
  index.checkedAt = now;
  indexes.set(config, index);
  return index.byKey;
}

function refresh(config: ResolvedConfig, previous: ProjectIndex | undefined): ProjectIndex {
  const files = new Map<string, FileEntry>();
  let changed = previous === undefined;
  for (const file of sourceFiles(config.root)) {
    const stamp = statFile(file);
    const known = previous?.files.get(file);
    if (known && sameStamp(known.stamp, stamp)) {
      files.set(file, known);
      continue;
    }
    changed = true;
    files.set(file, { stamp, annotations: 'error' in stamp ? [] : annotationsOf(file, stamp, config) });
  }
  if (!changed && previous && previous.files.size === files.size) return previous;
  const byKey = new Map<string, FlagAnnotation[]>();
  for (const entry of files.values()) {
    for (const a of entry.annotations) {
      const list = byKey.get(a.key!);
      if (list) list.push(a);
      else byKey.set(a.key!, [a]);
    }
  }
  return { files, byKey, checkedAt: 0 };
}

function annotationsOf(file: string, stamp: FileStamp, config: ResolvedConfig): FlagAnnotation[] {
  const text = readForIndex(file, stamp);
  if (text === undefined || !text.includes('@flag')) return [];
  const posixPath = file.split(path.sep).join('/');
  const result = detectFile(posixPath, text, detectContextFor(config));
  const out: FlagAnnotation[] = result.annotations.filter((a) => a.key !== undefined);
  const seen = new Set(out.map((a) => a.range.start));
  for (const d of result.declarations) {
    if (!d.annotation || seen.has(d.annotation.range.start) || !samePath(d.file, posixPath)) continue;
    out.push({ ...d.annotation, key: d.key });
  }
  return out;
}

function* sourceFiles(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) yield* sourceFiles(full);
    } else if (e.isFile() && SOURCE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}
