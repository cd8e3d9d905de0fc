import type { KeyCase, KeyPolicy } from '../config/schema';
import type { FlagRecord, SourceRange } from '../model';

const CASE_PATTERNS: Record<KeyCase, RegExp> = {
  'kebab-case': /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  snake_case: /^[a-z0-9]+(?:_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  SCREAMING_SNAKE: /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/,
  'dot.case': /^[a-z0-9]+(?:\.[a-z0-9]+)*$/,
};

/** One way a key breaks the naming policy (`keys` in flagsweep.config.json). */
export type KeyViolation =
  | { kind: 'wrongCase'; case: KeyCase }
  | { kind: 'patternMismatch'; pattern: string }
  | { kind: 'missingPrefix'; prefixes: readonly string[]; flagType?: string }
  | { kind: 'tooLong'; length: number; maxLength: number };

/**
 * Every way `key` breaks the naming policy. Prefixes for the flag's type (`prefixesByType[flagType]`) replace the
 * general `prefixes` for that type, so `exp-` experiments need not also carry a team prefix. The policy's pattern
 * must have been validated (loadConfig refuses invalid and catastrophically backtracking ones).
 */
export function keyViolations(key: string, policy: KeyPolicy, flagType: string | undefined): KeyViolation[] {
  const out: KeyViolation[] = [];
  if (policy.case && !CASE_PATTERNS[policy.case].test(key)) out.push({ kind: 'wrongCase', case: policy.case });
  if (policy.pattern !== undefined && !compiled(policy.pattern).test(key)) out.push({ kind: 'patternMismatch', pattern: policy.pattern });
  const typed = flagType !== undefined ? policy.prefixesByType?.[flagType] : undefined;
  const prefixes = typed ?? policy.prefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((p) => key.startsWith(p))) {
    out.push(typed ? { kind: 'missingPrefix', prefixes, flagType } : { kind: 'missingPrefix', prefixes });
  }
  if (policy.maxLength !== undefined && key.length > policy.maxLength) out.push({ kind: 'tooLong', length: key.length, maxLength: policy.maxLength });
  return out;
}

/** Does the policy say anything at all? (An empty `keys` section checks nothing.) */
export function hasKeyPolicy(policy: KeyPolicy): boolean {
  return Boolean(policy.case || policy.pattern !== undefined || policy.prefixes?.length || policy.prefixesByType || policy.maxLength !== undefined);
}

/** The values a violation's message names, for message templates (`{{case}}`, `{{prefixes}}`, ...). */
export function violationData(v: KeyViolation): Record<string, string | number> {
  switch (v.kind) {
    case 'wrongCase':
      return { case: v.case };
    case 'patternMismatch':
      return { pattern: v.pattern };
    case 'missingPrefix':
      return { prefixes: v.prefixes.map((p) => `'${p}'`).join(' or '), forType: v.flagType ? ` (required for ${v.flagType} flags)` : '' };
    case 'tooLong':
      return { length: v.length, maxLength: v.maxLength };
  }
}

/** The sentence every front end shows for a violation (ESLint's flag-key-format messages use the same templates). */
export const KEY_VIOLATION_MESSAGES: Record<KeyViolation['kind'], string> = {
  wrongCase: "Flag key '{{key}}' is not {{case}}.",
  patternMismatch: "Flag key '{{key}}' does not match the pattern /{{pattern}}/.",
  missingPrefix: "Flag key '{{key}}' must start with {{prefixes}}{{forType}}.",
  tooLong: "Flag key '{{key}}' is {{length}} characters long; keys may have at most {{maxLength}}.",
};

export function keyViolationMessage(key: string, v: KeyViolation): string {
  const data: Record<string, string | number> = { key, ...violationData(v) };
  return KEY_VIOLATION_MESSAGES[v.kind].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(data[name]));
}

/** A flag whose key breaks the policy, with where the key is written in code. */
export interface NamingFinding {
  key: string;
  violations: KeyViolation[];
  /** Where the key is written: its declarations, else its reads (absolute file, range). */
  sites: { file: string; range: SourceRange }[];
}

/**
 * The flags of a project whose keys break the policy: every key written in code (read, declared or annotated
 * with `@flag`). A camelCase member name that no source maps back to a key says nothing about the real key's
 * form, so such reads are not judged. Keys known only to the flag source are not the code's to rename.
 */
export function namingFindings(records: readonly FlagRecord[], policy: KeyPolicy): NamingFinding[] {
  if (!hasKeyPolicy(policy)) return [];
  const out: NamingFinding[] = [];
  for (const r of records) {
    const reads = r.state ? r.usages : r.usages.filter((u) => u.keyForm !== 'camelCase');
    // No read, no declaration and no source state: the key comes from a `@flag` annotation in code.
    const annotatedOnly = r.usages.length === 0 && r.declarations.length === 0 && !r.state;
    if (reads.length === 0 && r.declarations.length === 0 && !annotatedOnly) continue;
    const violations = keyViolations(r.key, policy, r.flagType);
    if (violations.length === 0) continue;
    const written = r.declarations.length > 0 ? r.declarations : reads;
    out.push({ key: r.key, violations, sites: written.map((w) => ({ file: w.file, range: 'keyRange' in w ? w.keyRange : w.range })) });
  }
  return out;
}

const regExps = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let re = regExps.get(pattern);
  if (!re) regExps.set(pattern, (re = new RegExp(pattern)));
  return re;
}
