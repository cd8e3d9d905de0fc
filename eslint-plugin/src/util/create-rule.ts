// The eslint-utils entry alone: the package's root loads all of its utilities (~90 ms of every lint's start).
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

export interface FlagsweepDocs {
  description: string;
  /** In flagsweep.configs.recommended, and at which severity. */
  recommended: 'error' | 'warn';
}

export const createRule = RuleCreator<FlagsweepDocs>(
  (name) => `https://github.com/flagsweep/flagsweep/blob/main/eslint-plugin/docs/rules/${name}.md`,
);
