import { daysBetween, formatDay, relativeDays } from '@flagsweep/analyzer';
import { createRule } from '../util/create-rule';
import { flagMeta } from '../util/flag-meta';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { ownerText, resolvedChecks } from '../util/rule-helpers';
import { expiryDate } from '../util/today';

export type Options = [{ warnBeforeExpiryDays?: number }];
export type MessageIds = 'expiringSoon' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'flag-expiring-soon',
  meta: {
    type: 'suggestion',
    docs: { description: 'Warn about feature flags that expire within `lifecycle.warnBeforeExpiryDays`', recommended: 'warn' },
    messages: {
      expiringSoon:
        "Flag '{{key}}' expires on {{expires}} ({{when}}); owner: {{owner}}. Plan its removal: `flagsweep cleanup {{key}}` once it has fully rolled out.",
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        properties: {
          warnBeforeExpiryDays: {
            type: 'integer',
            minimum: 0,
            description: 'Days before expiry to start warning (default: lifecycle.warnBeforeExpiryDays, 14).',
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      Program() {
        const facts = analyseFile(context);
        const today = facts.today;
        if (!facts.project || !today) return;
        const window = options.warnBeforeExpiryDays ?? facts.project.config.lifecycle.warnBeforeExpiryDays;
        for (const check of resolvedChecks(facts)) {
          const meta = flagMeta(facts, check.key, check);
          const expiry = expiryDate(meta.expires);
          if (!expiry) continue;
          const days = daysBetween(today, expiry);
          if (days < 0 || days > window) continue;
          context.report({
            loc: locOf(context.sourceCode, check.range),
            messageId: 'expiringSoon',
            data: { key: meta.key, expires: formatDay(expiry), when: relativeDays(days), owner: ownerText(meta.owner) },
          });
        }
      },
    };
  },
});
