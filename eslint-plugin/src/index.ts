import type { ESLint, Linter } from 'eslint';
import { rules } from './rules';
import { cacheDigest } from './util/cache-digest';

const PLUGIN_NAME = 'flagsweep';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

/** Each rule at the severity its docs recommend: expired flags fail the build, expiring ones warn. */
function recommendedRules(): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(rules)) out[`${PLUGIN_NAME}/${ruleName}`] = rule.meta.docs!.recommended;
  return out;
}

interface FlagsweepPlugin extends ESLint.Plugin {
  configs: { recommended: Linter.Config };
}

const plugin: FlagsweepPlugin = {
  meta: { name, version, namespace: PLUGIN_NAME },
  // typescript-eslint's RuleModule and ESLint's own rule type describe the same objects in two type systems.
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {} as FlagsweepPlugin['configs'],
};

Object.defineProperty(plugin.configs, 'recommended', {
  enumerable: true,
  // Built when the ESLint config is loaded: the digest keys `eslint --cache` to today, the config and the flag file.
  get(): Linter.Config {
    return {
      name: `${PLUGIN_NAME}/recommended`,
      plugins: { [PLUGIN_NAME]: plugin },
      rules: recommendedRules(),
      settings: { flagsweepCacheKey: cacheDigest() },
    };
  },
});

export = plugin;
