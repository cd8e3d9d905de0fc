import type { SourceRange } from '@flagsweep/analyzer';
import {
  catastrophicBacktracking,
  KEY_CASES,
  KEY_VIOLATION_MESSAGES,
  keyViolations,
  violationData,
  type KeyCase,
  type KeyPolicy,
  type KeyViolation,
} from '@flagsweep/analyzer/session';
import { createRule } from '../util/create-rule';
import { analyseFile, CONFIG_ERROR_MESSAGES, locOf } from '../util/report';
import { rangeKey, recordOf, resolvedChecks, samePath } from '../util/rule-helpers';

export type Options = [
  {
    case?: KeyCase;
    pattern?: string;
    prefixes?: string[];
    prefixesByType?: Record<string, string[]>;
    maxLength?: number;
  },
];
export type MessageIds = KeyViolation['kind'] | 'invalidPattern' | 'unsafePattern' | keyof typeof CONFIG_ERROR_MESSAGES;

const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true } as const;

export default createRule<Options, MessageIds>({
  name: 'flag-key-format',
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the naming policy for feature flag keys', recommended: 'error' },
    messages: {
      // The core's sentences: `flagsweep check --fail-on naming` says the same.
      ...KEY_VIOLATION_MESSAGES,
      invalidPattern: 'flagsweep: flag-key-format option "pattern" is not a valid regular expression: {{reason}}',
      unsafePattern: 'flagsweep: flag-key-format option "pattern": {{reason}}',
      ...CONFIG_ERROR_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        properties: {
          case: { type: 'string', enum: [...KEY_CASES], description: 'Required letter case.' },
          pattern: { type: 'string', minLength: 1, description: 'Regular expression every key must match.' },
          prefixes: { ...stringList, description: 'Every key must start with one of these.' },
          prefixesByType: {
            type: 'object',
            additionalProperties: stringList,
            description: 'Required prefixes per flag type; they replace `prefixes` for that type.',
          },
          maxLength: { type: 'integer', minimum: 1, description: 'Longest allowed key.' },
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
        if (!project) return;
        const policy: KeyPolicy = { ...project.config.keys, ...definedOnly(options) };
        if (policy.pattern !== undefined) {
          try {
            new RegExp(policy.pattern);
          } catch (e) {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'invalidPattern', data: { reason: (e as Error).message } });
            return;
          }
          // A pattern with nested repetition would hang the lint on a near-miss key.
          const slow = catastrophicBacktracking(policy.pattern);
          if (slow) {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'unsafePattern', data: { reason: slow } });
            return;
          }
        }
        const seen = new Set<string>();
        const check = (key: string, range: SourceRange, flagType: string | undefined) => {
          if (seen.has(rangeKey(range))) return;
          seen.add(rangeKey(range));
          for (const v of keyViolations(key, policy, flagType)) {
            context.report({ loc: locOf(context.sourceCode, range), messageId: v.kind, data: { key, ...violationData(v) } });
          }
        };
        // A key is reported where it is written: at its declaration when that is in this file, else at the read.
        const declared = new Set<string>();
        for (const decl of facts.localDeclarations) {
          declared.add(decl.key);
          check(decl.key, decl.range, recordOf(facts, decl.key)?.flagType);
        }
        for (const a of facts.annotations) {
          if (a.key === undefined || declared.has(a.key) || !samePath(a.file, context.filename)) continue;
          declared.add(a.key);
          check(a.key, a.range, recordOf(facts, a.key)?.flagType);
        }
        for (const c of resolvedChecks(facts)) {
          const meta = recordOf(facts, c);
          // A camelCase member name the flag source can't map back says nothing about the real key's form.
          if (!meta || (c.keyForm === 'camelCase' && !meta.state)) continue;
          if (declared.has(meta.key)) continue;
          check(meta.key, c.keyRange, meta.flagType);
        }
      },
    };
  },
});

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
