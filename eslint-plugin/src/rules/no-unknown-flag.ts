import type { FlagCheck } from '@flagsweep/analyzer';
import { camelCaseKey, sourceLabel } from '@flagsweep/analyzer/session';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule';
import type { FileFacts } from '../util/file-facts';
import { nearestKey } from '../util/nearest-key';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { resolvedChecks } from '../util/rule-helpers';

export type Options = [{ allow?: string[] }];
export type MessageIds = 'unknownFlag' | 'useKnownKey' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'no-unknown-flag',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: { description: 'Disallow flag keys that are neither in the flag file nor annotated with `@flag` anywhere', recommended: 'error' },
    messages: {
      unknownFlag:
        "Flag '{{key}}' is not defined in {{source}} and not annotated with @flag anywhere: every check evaluates to the code default.{{hint}}",
      useKnownKey: "Use the known flag '{{suggestion}}'.",
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Keys accepted although the flag file does not define them (flags served by another system).',
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
        // Only a complete, local flag source can say a key does not exist.
        if (!project || !project.flags.complete) return;
        const checks = resolvedChecks(facts);
        if (checks.length === 0) return;
        const allow = new Set(options.allow ?? []);
        const inFile = annotatedInFile(facts);
        const source = sourceLabel(project.config);
        const session = project.session;
        for (const check of checks) {
          // The record's key is the source's (a camelCase member name maps back to it).
          const key = session.recordForCheck(check)?.key ?? check.key;
          if (session.states().has(key) || allow.has(key) || check.annotation?.key !== undefined || inFile.has(key)) continue;
          const annotated = session.annotatedKeys();
          if (annotated.has(key)) continue;
          const known = [...session.states().keys(), ...annotated];
          const suggestion = nearestKey(key, check.keyForm === 'camelCase' ? known.map(camelCaseKey) : known);
          const fix = suggestion !== undefined ? replaceKeyFix(context.sourceCode, check, suggestion) : undefined;
          context.report({
            loc: locOf(context.sourceCode, check.keyRange),
            messageId: 'unknownFlag',
            data: { key: check.key, source, hint: suggestion !== undefined ? ` Did you mean '${suggestion}'?` : '' },
            suggest: fix ? [{ messageId: 'useKnownKey', data: { suggestion }, fix }] : [],
          });
        }
      },
    };
  },
});

function annotatedInFile(facts: FileFacts): Set<string> {
  const keys = new Set<string>();
  for (const a of facts.annotations) if (a.key !== undefined) keys.add(a.key);
  for (const d of facts.declarations) if (d.annotation) keys.add(d.key);
  return keys;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Rewrites the key where it is written in this file: inside a string literal, or a member name. */
function replaceKeyFix(sourceCode: Readonly<TSESLint.SourceCode>, check: FlagCheck, suggestion: string): TSESLint.ReportFixFunction | undefined {
  const { start, end } = check.keyRange;
  const written = sourceCode.text.slice(start, end);
  const quote = written[0];
  if ((quote === '"' || quote === "'" || quote === '`') && written.length >= 2 && written[written.length - 1] === quote) {
    if (suggestion.includes(quote) || suggestion.includes('\\') || (quote === '`' && suggestion.includes('${'))) return undefined;
    return (fixer) => fixer.replaceTextRange([start + 1, end - 1], suggestion);
  }
  // A shorthand destructuring (`const { newChekout } = useFlags()`) also names a local variable: renaming it there
  // would break its uses, so only member accesses get the suggestion.
  if (check.keyOrigin === 'member-name' && check.kind !== 'destructure' && IDENTIFIER.test(written) && IDENTIFIER.test(suggestion)) {
    return (fixer) => fixer.replaceTextRange([start, end], suggestion);
  }
  return undefined;
}
