import type { FlagRecord, SourceRange } from '@flagsweep/analyzer';
import { formatDay, parseIsoDate } from '@flagsweep/analyzer/words';
import { cleanupCommandFor } from '@flagsweep/analyzer/session';
import { createRule } from '../util/create-rule';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { ownerText, recordOf, resolvedChecks } from '../util/rule-helpers';

export type Options = [];
export type MessageIds = 'expired' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'no-expired-flag',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow reading a feature flag whose expiry date has passed', recommended: 'error' },
    messages: {
      expired: "Flag '{{key}}' expired on {{expires}} ({{ago}}); owner: {{owner}}. Remove it from the code: run `{{fix}}`.",
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const facts = analyseFile(context);
        if (!facts.project || !facts.today) return;
        const session = facts.project.session;
        // The core's record decides: expired means what `flagsweep check` means, and the fix is the command it prints.
        const report = (record: FlagRecord | undefined, range: SourceRange) => {
          if (!record || record.daysToExpiry === undefined || record.daysToExpiry >= 0 || !record.expires) return;
          const days = -record.daysToExpiry;
          context.report({
            loc: locOf(context.sourceCode, range),
            messageId: 'expired',
            data: {
              key: record.key,
              expires: formatDay(parseIsoDate(record.expires)!),
              ago: `${days} day${days === 1 ? '' : 's'} ago`,
              owner: ownerText(record.owner),
              fix: session.cleanupCommand(record.key) ?? cleanupCommandFor(record),
            },
          });
        };
        for (const check of resolvedChecks(facts)) report(recordOf(facts, check), check.range);
        // A declaration carrying its own expired annotation has to go too, even where nothing in this file reads it.
        for (const decl of facts.localDeclarations) {
          if (decl.annotation?.expires === undefined) continue;
          report(recordOf(facts, decl.key), decl.range);
        }
      },
    };
  },
});
