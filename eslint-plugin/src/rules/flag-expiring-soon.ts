import { formatDay, parseIsoDate, relativeDays } from '@flagsweep/analyzer/words';
import { cleanupCommandFor } from '@flagsweep/analyzer/session';
import { createRule } from '../util/create-rule';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { ownerText, recordOf, resolvedChecks } from '../util/rule-helpers';

export type Options = [{ warnBeforeExpiryDays?: number }];
export type MessageIds = 'expiringSoon' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'flag-expiring-soon',
  meta: {
    type: 'suggestion',
    docs: { description: 'Warn about feature flags that expire within `lifecycle.warnBeforeExpiryDays`', recommended: 'warn' },
    messages: {
      expiringSoon: "Flag '{{key}}' expires on {{expires}} ({{when}}); owner: {{owner}}. Plan its removal: `{{fix}}` once it has fully rolled out.",
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
        if (!facts.project || !facts.today) return;
        const session = facts.project.session;
        for (const check of resolvedChecks(facts)) {
          // "Expiring" is the core's status: within the window, and not already missing, stale or expired.
          const record = recordOf(facts, check, options.warnBeforeExpiryDays);
          if (record?.status !== 'expiring' || record.daysToExpiry === undefined || !record.expires) continue;
          context.report({
            loc: locOf(context.sourceCode, check.range),
            messageId: 'expiringSoon',
            data: {
              key: record.key,
              expires: formatDay(parseIsoDate(record.expires)!),
              when: relativeDays(record.daysToExpiry),
              owner: ownerText(record.owner),
              fix: session.cleanupCommand(record.key) ?? cleanupCommandFor(record),
            },
          });
        }
      },
    };
  },
});
