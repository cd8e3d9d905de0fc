import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceRange } from '@flagsweep/analyzer';
import { getFileFacts, type FileFacts } from './file-facts';

/** Every rule carries this message so that whichever rule runs first can report a broken config or flag file. */
export const CONFIG_ERROR_MESSAGES = { configError: '{{reason}}' } as const;

/** Problem text → the file it was reported in: each problem appears once per run, at the top of the first file. */
const shownIn = new Map<string, string>();

/**
 * The file's shared analysis, for a rule's `Program` visitor: the first rule to ask reports the config and flag-file
 * problems once; every rule gets the same facts.
 */
export function analyseFile<M extends string>(context: Readonly<TSESLint.RuleContext<M | 'configError', readonly unknown[]>>): FileFacts {
  const facts = getFileFacts(context);
  reportProblemsOnce(context, facts);
  return facts;
}

export function reportProblemsOnce<M extends string>(
  context: Readonly<TSESLint.RuleContext<M | 'configError', readonly unknown[]>>,
  facts: FileFacts,
): void {
  if (facts.problemsClaimed || facts.problems.length === 0) return;
  facts.problemsClaimed = true;
  for (const reason of facts.problems) {
    const first = shownIn.get(reason);
    // Reported again when the same file is linted again (an editor re-linting it), never in another file.
    if (first !== undefined && first !== context.filename) continue;
    shownIn.set(reason, context.filename);
    context.report({ loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, messageId: 'configError', data: { reason } });
  }
}

export function locOf(sourceCode: Readonly<TSESLint.SourceCode>, range: SourceRange): TSESTree.SourceLocation {
  return { start: sourceCode.getLocFromIndex(range.start), end: sourceCode.getLocFromIndex(range.end) };
}
