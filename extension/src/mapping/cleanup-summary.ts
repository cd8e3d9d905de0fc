import type { CleanupPlan } from '../engine/cleanup';

/** What the verification said, in one sentence: "Type check (tsconfig.json, 4 files): no new errors." */
export function verificationWords(v: CleanupPlan['verification'], relative: (file: string) => string): string {
  if (v.mode === 'skipped') return 'Not type-checked.';
  if (v.mode === 'syntax') return 'No tsconfig covers these files: checked that every file still parses, types not checked.';
  const configs = v.tsconfigs.map(relative).join(', ');
  const scope = `${configs}, ${v.checkedFiles} file${v.checkedFiles === 1 ? '' : 's'}`;
  if (v.newDiagnostics.length === 0) return `Type check (${scope}): no new errors.`;
  return `Type check (${scope}): ${v.newDiagnostics.length} new error${v.newDiagnostics.length === 1 ? '' : 's'}.`;
}

/**
 * Why a cleanup is refused, or undefined when it can be applied: an engine error, or the new type errors it would
 * add, each as `file:line:col TSxxxx message` (the first three; the CLI lists them all).
 */
export function refusal(key: string, plan: CleanupPlan, relative: (file: string) => string): string | undefined {
  if (plan.errors.length > 0) return `flagsweep: cannot remove flag "${key}": ${plan.errors.join('; ')}`;
  const added = plan.verification.newDiagnostics;
  if (added.length === 0) return undefined;
  const listed = added.slice(0, 3).map((d) => `${relative(d.file)}:${d.line}:${d.column} TS${d.code} ${d.message}`);
  const more = added.length > 3 ? `; and ${added.length - 3} more (run \`flagsweep cleanup ${key}\` to see all)` : '';
  return `flagsweep: removing flag "${key}" would add ${added.length} type error${added.length === 1 ? '' : 's'}, so nothing was changed: ${listed.join('; ')}${more}`;
}

/** The confirmation question: "Remove flag "x" (keep ON)? 3 files change, 12 lines removed. Type check (…): no new errors." */
export function confirmationText(key: string, keepLabel: string, plan: CleanupPlan, relative: (file: string) => string): string {
  const lines = plan.files.reduce((n, f) => n + f.linesRemoved, 0);
  const files = `${plan.files.length} file${plan.files.length === 1 ? ' changes' : 's change'}, ${lines} line${lines === 1 ? '' : 's'} removed`;
  const left = plan.leftForHuman.length > 0 ? ` ${plan.leftForHuman.length} site${plan.leftForHuman.length === 1 ? ' is' : 's are'} left for you to finish.` : '';
  const tests = [...new Set(plan.testsToReview.map((t) => relative(t.file)))];
  const review = tests.length > 0 ? ` ${tests.length === 1 ? `The test ${tests[0]} sets` : `${tests.length} tests (${tests.slice(0, 2).join(', ')}${tests.length > 2 ? ', …' : ''}) set`} the flag to the other value: check what ${tests.length === 1 ? 'it expects' : 'they expect'}.` : '';
  return `Remove flag "${key}" (${keepLabel})? ${files}. ${verificationWords(plan.verification, relative)}${left}${review}`;
}

/** After a cleanup edit was applied (or not): "nothing was applied" when every file still has its old text. */
export function appliedWords(key: string, expected: number, applied: number): string | undefined {
  if (applied === expected) return undefined;
  if (applied === 0) return `flagsweep: nothing was applied for flag "${key}" (the changes were unticked or discarded in the preview).`;
  return `flagsweep: only ${applied} of ${expected} files were changed for flag "${key}": the others were unticked in the preview, so the flag is still read there.`;
}
