import type { FlagAnnotation } from '@flagsweep/analyzer';
import { daysBetween, formatDay } from '@flagsweep/analyzer/words';
import { createRule } from '../util/create-rule';
import type { FileFacts } from '../util/file-facts';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { rangeKey, samePath } from '../util/rule-helpers';
import { expiryDate } from '../util/today';

export type Options = [{ maxLifetimeDays?: Record<string, number> }];
export type MessageIds = 'malformed' | 'tooFarOut' | keyof typeof CONFIG_ERROR_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'valid-flag-annotation',
  meta: {
    type: 'problem',
    docs: { description: 'Require flag annotations to be well-formed and their expiry within the lifetime allowed for their type', recommended: 'error' },
    messages: {
      malformed: 'Flag annotation: {{message}}.',
      tooFarOut:
        "Flag '{{key}}' expires on {{expires}}, {{days}} days from today; a {{flagType}} flag may live at most {{max}} days (lifecycle.maxLifetimeDays).",
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxLifetimeDays: {
            type: 'object',
            additionalProperties: { type: 'integer', minimum: 1 },
            description: 'Longest allowed lifetime per flag type, merged over lifecycle.maxLifetimeDays (release 90, experiment 60).',
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
        const today = facts.today;
        if (!project || !today) return;
        const maxLifetime = { ...project.config.lifecycle.maxLifetimeDays, ...options.maxLifetimeDays };
        for (const annotation of annotationsInFile(facts, context.filename)) {
          for (const p of annotation.problems) {
            context.report({ loc: locOf(context.sourceCode, p.range), messageId: 'malformed', data: { message: p.message } });
          }
          const expiry = expiryDate(annotation.expires);
          const key = annotation.key ?? keyAnnotatedBy(facts, annotation);
          const flagType = annotation.flagType ?? (key !== undefined ? project.session.state(key)?.flagType : undefined);
          const max = flagType !== undefined ? maxLifetime[flagType] : undefined;
          if (!expiry || max === undefined) continue;
          const days = daysBetween(today, expiry);
          if (days <= max) continue;
          context.report({
            loc: locOf(context.sourceCode, annotation.range),
            messageId: 'tooFarOut',
            data: { key: key ?? '(unnamed)', expires: formatDay(expiry), days, flagType, max },
          });
        }
      },
    };
  },
});

/** Every annotation written in this file, once: stand-alone ones, on declarations and on using statements. */
function annotationsInFile(facts: FileFacts, filename: string): FlagAnnotation[] {
  const seen = new Set<string>();
  const out: FlagAnnotation[] = [];
  const add = (a: FlagAnnotation | undefined) => {
    if (!a || !samePath(a.file, filename) || seen.has(rangeKey(a.range))) return;
    seen.add(rangeKey(a.range));
    out.push(a);
  };
  for (const a of facts.annotations) add(a);
  for (const d of facts.localDeclarations) add(d.annotation);
  for (const c of facts.checks) add(c.annotation);
  return out.sort((a, b) => a.range.start - b.range.start);
}

function keyAnnotatedBy(facts: FileFacts, annotation: FlagAnnotation): string | undefined {
  const at = rangeKey(annotation.range);
  const onSameComment = (a: FlagAnnotation | undefined) => a !== undefined && rangeKey(a.range) === at && samePath(a.file, annotation.file);
  return facts.declarations.find((d) => onSameComment(d.annotation))?.key ?? facts.checks.find((c) => onSameComment(c.annotation))?.key ?? undefined;
}
