import { dynamicReason } from '@flagsweep/analyzer/words';
import { createRule } from '../util/create-rule';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';

export type Options = [];
export type MessageIds = 'dynamicKey' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'no-dynamic-flag-key',
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow flag keys that are not statically resolvable', recommended: 'error' },
    messages: {
      dynamicKey:
        'Flag key `{{expression}}` is not statically resolvable ({{reason}}), so no tool can find or clean up this flag. Use a string literal or a constant holding one.',
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        const facts = analyseFile(context);
        for (const check of facts.checks) {
          if (check.key !== null) continue;
          context.report({
            loc: locOf(context.sourceCode, check.keyRange),
            messageId: 'dynamicKey',
            data: {
              expression: shorten(check.dynamic?.expression ?? context.sourceCode.text.slice(check.keyRange.start, check.keyRange.end)),
              reason: dynamicReason(check.dynamic, 'unknown value'),
            },
          });
        }
      },
    };
  },
});

/** One line, at most 60 characters: the message names the expression, the location shows it in full. */
function shorten(expression: string): string {
  const flat = expression.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
