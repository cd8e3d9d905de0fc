import type { KeyCase, KeyPolicy } from '@flagsweep/analyzer';

const CASE_PATTERNS: Record<KeyCase, RegExp> = {
  'kebab-case': /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  snake_case: /^[a-z0-9]+(?:_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  SCREAMING_SNAKE: /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/,
  'dot.case': /^[a-z0-9]+(?:\.[a-z0-9]+)*$/,
};

export type KeyViolation =
  | { kind: 'wrongCase'; case: KeyCase }
  | { kind: 'patternMismatch'; pattern: string }
  | { kind: 'missingPrefix'; prefixes: readonly string[]; flagType?: string }
  | { kind: 'tooLong'; length: number; maxLength: number };

/**
 * Every way `key` breaks the naming policy. Prefixes for the flag's type (`prefixesByType[flagType]`) replace the
 * general `prefixes` for that type, so `exp-` experiments need not also carry a team prefix.
 */
export function keyViolations(key: string, policy: KeyPolicy, flagType: string | undefined): KeyViolation[] {
  const out: KeyViolation[] = [];
  if (policy.case && !CASE_PATTERNS[policy.case].test(key)) out.push({ kind: 'wrongCase', case: policy.case });
  if (policy.pattern !== undefined && !regExp(policy.pattern).test(key)) out.push({ kind: 'patternMismatch', pattern: policy.pattern });
  const typed = flagType !== undefined ? policy.prefixesByType?.[flagType] : undefined;
  const prefixes = typed ?? policy.prefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((p) => key.startsWith(p))) {
    out.push(typed ? { kind: 'missingPrefix', prefixes, flagType } : { kind: 'missingPrefix', prefixes });
  }
  if (policy.maxLength !== undefined && key.length > policy.maxLength) out.push({ kind: 'tooLong', length: key.length, maxLength: policy.maxLength });
  return out;
}

const compiled = new Map<string, RegExp>();

function regExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(pattern)));
  return re;
}
