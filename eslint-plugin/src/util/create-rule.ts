import { ESLintUtils } from '@typescript-eslint/utils';

export interface FlagsweepDocs {
  description: string;
  /** In flagsweep.configs.recommended, and at which severity. */
  recommended: 'error' | 'warn';
}

export const createRule = ESLintUtils.RuleCreator<FlagsweepDocs>(
  (name) => `https://github.com/flagsweep/flagsweep/blob/main/eslint-plugin/docs/rules/${name}.md`,
);
