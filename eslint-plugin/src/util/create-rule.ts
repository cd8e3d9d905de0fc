// The eslint-utils entry alone: the package's root loads all of its utilities (~90 ms of every lint's start).
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { releaseFileFacts } from './file-facts';

export interface FlagsweepDocs {
  description: string;
  /** In flagsweep.configs.recommended, and at which severity. */
  recommended: 'error' | 'warn';
}

const ruleCreator = RuleCreator<FlagsweepDocs>(
  (name) => `https://github.com/flagsweep/flagsweep/blob/main/eslint-plugin/docs/rules/${name}.md`,
);

/** A rule that also lets go of the file's shared facts when ESLint leaves the file (see releaseFileFacts). */
export const createRule: typeof ruleCreator = ({ create, ...rule }) =>
  ruleCreator({ ...rule, create: (context, options) => ({ ...create(context, options), 'Program:exit': releaseFileFacts }) });
