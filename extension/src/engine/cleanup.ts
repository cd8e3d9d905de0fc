import { cleanupFlag, type CleanupScope } from '@flagsweep/analyzer';
import type { FolderIndex } from './folder-index';

export type { CleanupScope };

export interface CleanupPlan {
  value: unknown;
  files: { file: string; before: string; after: string; edits: { start: number; end: number; newText: string }[] }[];
  /** Sites the engine would not rewrite, each with why: shown to the person, never silently dropped. */
  leftForHuman: { file: string; line: number; column: number; reason: string }[];
  /** Any error means: change nothing (a file would not re-parse, no value to keep, ...). */
  errors: string[];
}

/**
 * Runs the cleanup engine exactly as `flagsweep cleanup` does (same function, same config), reading unsaved
 * editor text. Never writes: the caller turns the plan into a WorkspaceEdit.
 */
export async function planCleanup(index: FolderIndex, readFile: (f: string) => string | undefined, key: string, value: unknown, scope: CleanupScope): Promise<CleanupPlan> {
  const result = await cleanupFlag({ config: index.config, key, value, scope, readFile });
  return {
    value: result.value,
    files: result.files.map((f) => ({ file: f.file, before: f.before, after: f.after, edits: f.edits })),
    leftForHuman: result.leftForHuman,
    errors: result.errors.map((e) => e.message),
  };
}
