import type { FlagCheck, ValueKind } from '../model';

/**
 * Why `value` does not fit what the check reads, or undefined when it fits. A boolean read takes only a boolean;
 * a string, number or object read only that kind; a vendor variant or details object (`getVariant`, `…Details`)
 * only an object; a read of unknown kind takes anything.
 */
export function kindMismatch(check: Pick<FlagCheck, 'evaluates' | 'valueKind' | 'valueKindBasis'>, value: unknown): string | undefined {
  const kind: ValueKind = check.valueKind && check.valueKind !== 'unknown' ? check.valueKind : check.evaluates === 'boolean' ? 'boolean' : 'unknown';
  if (fits(kind, value)) return undefined;
  const why = check.valueKindBasis?.detail;
  return `this check reads the flag as ${KIND_NAMES[kind]}${why ? ` (${why})` : ''}, but the value given is ${describe(value)}`;
}

export function fits(kind: ValueKind, value: unknown): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'object':
    case 'variant':
      return typeof value === 'object' && value !== null;
    case 'json':
      return typeof value !== 'boolean' && value !== undefined;
    case 'unknown':
      return true;
  }
}

const KIND_NAMES: Record<ValueKind, string> = {
  boolean: 'a boolean',
  string: 'a string',
  number: 'a number',
  object: 'an object',
  variant: 'a variant object',
  json: 'a JSON value (not a boolean)',
  unknown: 'a value',
};

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/**
 * The kind of value a flag holds, as far as its reads show: the non-boolean kind that every read showing one
 * (by its API, pattern type, default or use) agrees on. Undefined when none shows one, or they disagree.
 */
export function flagValueKind(checks: readonly FlagCheck[]): { kind: ValueKind; shownBy: FlagCheck } | undefined {
  let found: { kind: ValueKind; shownBy: FlagCheck } | undefined;
  for (const c of checks) {
    const kind = c.valueKind;
    if (!kind || kind === 'boolean' || kind === 'unknown' || !c.valueKindBasis || c.valueKindBasis.from === 'none') continue;
    if (found && found.kind !== kind) return undefined;
    found ??= { kind, shownBy: c };
  }
  return found;
}

/**
 * A read that shows no kind of its own (`renderHook(() => useExperiment(KEY))`) takes the kind the flag's other
 * reads show: a flag split over `.split(',')` in one file is not a boolean in the next.
 */
export function adoptFlagKind<T extends FlagCheck>(checks: T[], flag: ReturnType<typeof flagValueKind>, relative: (file: string) => string = (f) => f): T[] {
  if (!flag) return checks;
  return checks.map((c) => {
    if (c.valueKindBasis && c.valueKindBasis.from !== 'none') return c;
    if (c.polarity === 'negative' || c.kind === 'jsx' || c.kind === 'config-entry') return c;
    const at = `${relative(flag.shownBy.file)}:${flag.shownBy.range.line}`;
    return { ...c, valueKind: flag.kind, valueKindBasis: { from: 'use', detail: `as the read at ${at}: ${flag.shownBy.valueKindBasis!.detail}` } };
  });
}
