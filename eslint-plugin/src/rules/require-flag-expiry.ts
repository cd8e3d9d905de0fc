import { createRule } from '../util/create-rule';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { recordOf, resolvedChecks } from '../util/rule-helpers';

export type Options = [{ permanentTypes?: string[] }];
export type MessageIds = 'missingExpiry' | 'neverNotPermanent' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'require-flag-expiry',
  meta: {
    type: 'problem',
    docs: { description: 'Require every feature flag read to have an expiry date', recommended: 'error' },
    messages: {
      missingExpiry:
        "Flag '{{key}}' has no expiry. Add `@expires YYYY-MM-DD` to the annotation on its declaration or on this statement, or an `expires` entry to its metadata in the flag file.",
      neverNotPermanent:
        "Flag '{{key}}' is marked `@expires never`, which only {{permanentTypes}} flags may be; its type is {{flagType}}. Give it an expiry date, or a permanent `@flagType`.",
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        properties: {
          permanentTypes: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Flag types allowed to use `@expires never` (default: lifecycle.permanentTypes, ops and permission).',
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
        const project = facts.project;
        // With a broken flag file its metadata is unknown: stay quiet rather than ask for expiries it may hold.
        if (!project || project.flags.failed) return;
        const permanent = options.permanentTypes ?? project.config.lifecycle.permanentTypes;
        for (const check of resolvedChecks(facts)) {
          const meta = recordOf(facts, check);
          if (!meta) continue;
          const loc = locOf(context.sourceCode, check.range);
          if (meta.expires === undefined) {
            context.report({ loc, messageId: 'missingExpiry', data: { key: meta.key } });
          } else if (meta.expires === 'never' && !(meta.flagType !== undefined && permanent.includes(meta.flagType))) {
            context.report({
              loc,
              messageId: 'neverNotPermanent',
              data: { key: meta.key, permanentTypes: listText(permanent), flagType: meta.flagType ?? 'not set' },
            });
          }
        }
      },
    };
  },
});

function listText(items: readonly string[]): string {
  if (items.length === 0) return 'no';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
