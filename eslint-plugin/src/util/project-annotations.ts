import * as path from 'node:path';
import { detectFile, listSourceFilesSync, type FileDetection, type FlagAnnotation, type ResolvedConfig } from '@flagsweep/analyzer';
import { statFile, type FileStamp } from './file-stamp';
import { detectContextFor } from './detect-context';
import { samePath } from './rule-helpers';
import { readForIndex } from './source-files';

interface FileEntry {
  stamp: FileStamp | { error: string };
  annotations: FlagAnnotation[];
}

interface ProjectIndex {
  files: Map<string, FileEntry>;
  byKey: Map<string, FlagAnnotation[]>;
}

const indexes = new WeakMap<ResolvedConfig, ProjectIndex>();

/**
 * Every flag annotation in the project by key: `@flag <key>` comments and annotated key declarations, in every file
 * the config covers (include, exclude, .gitignore: the files the CLI scans). This is what makes the plugin agree with the CLI, which joins all annotations of a key
 * wherever they are. Built from disk once per config (per lint run), reading each file once and parsing only files
 * containing `@flag`; after that, every file ESLint lints updates its own entry (see noteLintedFile), so an editor
 * session follows annotation edits without walking the project again.
 */
export function projectAnnotations(config: ResolvedConfig): ReadonlyMap<string, FlagAnnotation[]> {
  let index = indexes.get(config);
  if (!index) {
    index = build(config);
    indexes.set(config, index);
  }
  return index.byKey;
}

/** Records what the lint of `file` found, when the index exists; cheap when nothing changed. */
export function noteLintedFile(config: ResolvedConfig, file: string, annotations: readonly FlagAnnotation[]): void {
  const index = indexes.get(config);
  if (!index) return;
  const previous = index.files.get(file)?.annotations ?? [];
  if (previous.length === 0 && annotations.length === 0) return;
  if (signature(previous) === signature(annotations)) return;
  index.files.set(file, { stamp: statFile(file), annotations: [...annotations] });
  index.byKey = groupByKey(index.files);
}

function signature(annotations: readonly FlagAnnotation[]): string {
  return JSON.stringify(annotations.map((a) => [a.key, a.expires, a.owner, a.flagType, a.range.start]));
}

function build(config: ResolvedConfig): ProjectIndex {
  const files = new Map<string, FileEntry>();
  for (const file of listSourceFilesSync(config).map(path.normalize)) {
    const stamp = statFile(file);
    files.set(file, { stamp, annotations: 'error' in stamp ? [] : annotationsOf(file, stamp, config) });
  }
  return { files, byKey: groupByKey(files) };
}

function groupByKey(files: ReadonlyMap<string, FileEntry>): Map<string, FlagAnnotation[]> {
  const byKey = new Map<string, FlagAnnotation[]>();
  for (const entry of files.values()) {
    for (const a of entry.annotations) {
      const list = byKey.get(a.key!);
      if (list) list.push(a);
      else byKey.set(a.key!, [a]);
    }
  }
  return byKey;
}

function annotationsOf(file: string, stamp: FileStamp, config: ResolvedConfig): FlagAnnotation[] {
  const text = readForIndex(file, stamp);
  if (text === undefined || !text.includes('@flag')) return [];
  const posixPath = file.split(path.sep).join('/');
  return keyedAnnotations(detectFile(posixPath, text, detectContextFor(config)), posixPath);
}

/** The annotations of one file's detection that name a key: `@flag` comments, and annotated declarations here. */
export function keyedAnnotations(result: Pick<FileDetection, 'annotations' | 'declarations'>, file: string): FlagAnnotation[] {
  const out: FlagAnnotation[] = result.annotations.filter((a) => a.key !== undefined);
  const seen = new Set(out.map((a) => a.range.start));
  for (const d of result.declarations) {
    if (!d.annotation || seen.has(d.annotation.range.start) || !samePath(d.file, file)) continue;
    out.push({ ...d.annotation, key: d.key });
  }
  return out;
}
