import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFile, type ResolvedConfig } from '@flagsweep/analyzer';
import { detectContextFor } from './file-facts';
import type { Project } from './project';
import { readProjectFile } from './source-files';

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

const byConfig = new WeakMap<ResolvedConfig, ReadonlySet<string>>();

/**
 * Keys named by an `@flag` annotation anywhere in the project. Built once per config (per lint run), only when a
 * rule meets a key the flag file doesn't know; only files containing `@flag` are parsed.
 */
export function projectAnnotatedKeys(project: Project): ReadonlySet<string> {
  const cached = byConfig.get(project.config);
  if (cached) return cached;
  const keys = new Set<string>();
  const detect = detectContextFor(project.config);
  for (const file of sourceFiles(project.config.root)) {
    const text = readProjectFile(file);
    if (text === undefined || !text.includes('@flag')) continue;
    const result = detectFile(file, text, detect);
    for (const a of result.annotations) if (a.key !== undefined) keys.add(a.key);
    for (const d of result.declarations) if (d.annotation) keys.add(d.key);
  }
  byConfig.set(project.config, keys);
  return keys;
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
