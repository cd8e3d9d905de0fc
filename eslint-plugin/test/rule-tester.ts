import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../src/index';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** The fixture project the rule tables lint in: flagsweep.config.json, flags.flagd.json, src/registry.ts. */
export const PROJECT = path.resolve(__dirname, '../../test-fixtures/eslint-rules');

export function fileIn(relative = 'src/file.ts', project = PROJECT): string {
  return path.join(project, relative);
}

/** Two lines every case starts with: an OpenFeature client, so `client.get*Value(...)` is a flag check. */
export const HEADER = "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\n";

/** Rule tests run with "today" fixed: 2026-11-22. */
export const TODAY = '2026-11-22';

export function createRuleTester(): RuleTester {
  return new RuleTester({ settings: { flagsweep: { now: TODAY } } });
}

/** Options for a case linted with ESLint's default parser (espree), as .js/.jsx files are. */
export const espree = { parser: require('espree'), parserOptions: { ecmaFeatures: { jsx: true } } };

/** A real ESLint over `cwd`: TypeScript files parsed by typescript-eslint, the plugin's recommended config, then `extra`. */
export function recommendedESLint(cwd: string, extra?: Linter.Config): ESLint {
  const overrideConfig: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended];
  if (extra) overrideConfig.push(extra);
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig });
}
