import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';

const PLUGIN_NAME = 'flagsweep';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

/** Each rule at the severity its docs recommend: expired flags fail the build, expiring ones warn. */
function recommendedRules(): TSESLint.FlatConfig.Rules {
  const out: TSESLint.FlatConfig.Rules = {};
  for (const [ruleName, rule] of Object.entries(rules)) out[`${PLUGIN_NAME}/${ruleName}`] = rule.meta.docs!.recommended;
  return out;
}

const plugin = {
  meta: { name, version, namespace: PLUGIN_NAME },
  rules,
  configs: {} as { recommended: TSESLint.FlatConfig.Config },
};

plugin.configs.recommended = {
  name: `${PLUGIN_NAME}/recommended`,
  plugins: { [PLUGIN_NAME]: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules(),
};

export = plugin;
