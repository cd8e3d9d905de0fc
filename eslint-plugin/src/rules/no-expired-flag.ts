import { daysBetween, formatDay, type SourceRange } from '@flagsweep/analyzer';
import { createRule } from '../util/create-rule';
import { flagMeta } from '../util/flag-meta';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { ownerText, resolvedChecks } from '../util/rule-helpers';
import { expiryDate } from '../util/today';

export type Options = [];
export type MessageIds = 'expired' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'no-expired-flag',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow reading a feature flag whose expiry date has passed', recommended: 'error' },
    messages: {
      expired:
        "Flag '{{key}}' expired on {{expires}} ({{ago}}); owner: {{owner}}. Remove it from the code: run `flagsweep cleanup {{key}}`.",
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const facts = analyseFile(context);
        const today = facts.today;
        if (!facts.project || !today) return;
        const report = (key: string, range: SourceRange, meta: ReturnType<typeof flagMeta>) => {
          const expiry = expiryDate(meta.expires);
          if (!expiry) return;
          const days = daysBetween(today, expiry);
          if (days >= 0) return;
          context.report({
            loc: locOf(context.sourceCode, range),
            messageId: 'expired',
            data: { key, expires: formatDay(expiry), ago: `${-days} day${days === -1 ? '' : 's'} ago`, owner: ownerText(meta.owner) },
          });
        };
        for (const check of resolvedChecks(facts)) {
          const meta = flagMeta(facts, check.key, check);
          report(meta.key, check.range, meta);
        }
        // A declaration carrying its own expired annotation has to go too, even where nothing in this file reads it.
        for (const decl of facts.localDeclarations) {
          if (decl.annotation?.expires === undefined) continue;
          const meta = flagMeta(facts, decl.key);
          report(meta.key, decl.range, { ...meta, expires: decl.annotation.expires, owner: decl.annotation.owner ?? meta.owner });
        }
      },
    };
  },
});
