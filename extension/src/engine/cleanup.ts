import { cleanupFlag, type CleanupScope, type ResolvedConfig } from '@flagsweep/analyzer';

export type { CleanupScope };

export interface CleanupPlan {
  value: unknown;
  files: { file: string; before: string; after: string; edits: { start: number; end: number; newText: string }[]; linesRemoved: number }[];
  /** Sites the engine would not rewrite, each with why: shown to the person, never silently dropped. */
  leftForHuman: { file: string; line: number; column: number; reason: string }[];
  /** Test files that set the flag to the other value: they covered the removed branch (named in the confirmation). */
  testsToReview: { file: string; line: number; column: number; reason: string }[];
  /** Any error means: change nothing (a file would not re-parse, no value to keep, a new type error, ...). */
  errors: string[];
  /** What the type check before and after said (mode 'skipped' when not asked). */
  verification: {
    mode: 'types' | 'syntax' | 'skipped';
    tsconfigs: string[];
    newDiagnostics: { file: string; line: number; column: number; code: number; message: string }[];
    checkedFiles: number;
    durationMs: number;
  };
}

/**
 * Runs the cleanup engine exactly as `flagsweep cleanup` does (same function, same config, the same verification
 * when `verify` is set), reading the editor's text of open files (`openText`) and the disk as the CLI does for the
 * others (a file that is not UTF-8 is refused, as there). Never writes: the caller turns the plan into a WorkspaceEdit.
 */
export async function planCleanup(
  index: { readonly config: ResolvedConfig },
  openText: (f: string) => string | undefined,
  key: string,
  value: unknown,
  scope: CleanupScope,
  options: { verify?: boolean } = {},
): Promise<CleanupPlan> {
  const result = await cleanupFlag({ config: index.config, key, value, scope, openText, verify: options.verify });
  const v = result.verification;
  return {
    value: result.value,
    files: result.files.map((f) => ({ file: f.file, before: f.before, after: f.after, edits: f.edits, linesRemoved: f.linesRemoved })),
    leftForHuman: result.leftForHuman,
    testsToReview: result.testsToReview,
    // New type errors are listed from `verification`, not repeated here.
    errors: result.errors.filter((e) => e.kind !== 'verification').map((e) => e.message),
    verification: { mode: v.mode, tsconfigs: v.tsconfigs, newDiagnostics: v.newDiagnostics, checkedFiles: v.checkedFiles.length, durationMs: v.durationMs },
  };
}
