import type { FlagRecord } from '@flagsweep/analyzer';
import { formatValue } from './markdown';

/** One way to remove a flag from code: the value every check is replaced with. */
export interface CleanupChoice {
  value: unknown;
  /** "keep ON", "keep `\"v2\"`", "keep OFF, the code default". */
  label: string;
  /** The flag serves this value to everyone (or it is the code default of a disabled flag): safe as the default fix. */
  preferred: boolean;
  /** No single winning value: the person picks one. Labeled as a choice, never preferred. */
  isChoice: boolean;
}

export function keepLabel(value: unknown): string {
  if (value === true) return 'keep ON';
  if (value === false) return 'keep OFF';
  return `keep ${formatValue(value)}`;
}

/** The literal default every usage passes, when all agree. */
function uniformCodeDefault(record: FlagRecord): { value: unknown } | undefined {
  const defaults = record.usages.map((u) => u.defaultValue);
  if (defaults.length === 0 || defaults.some((d) => d === undefined)) return undefined;
  const first = JSON.stringify(defaults[0]);
  return defaults.every((d) => JSON.stringify(d) === first) ? { value: defaults[0] } : undefined;
}

/**
 * What "remove this flag" can keep. With a winning value there is one preferred choice. Without one the person
 * chooses: boolean flags get "keep ON" / "keep OFF", variant flags their variant values. A missing flag is never
 * assumed ON: it evaluates to the code default, which is offered when every usage writes the same one.
 */
export function cleanupChoices(record: FlagRecord): CleanupChoice[] {
  const winner = record.winner;
  if (winner.kind === 'value') return [{ value: winner.value, label: keepLabel(winner.value), preferred: true, isChoice: false }];
  const choices: CleanupChoice[] = [];
  if (winner.kind === 'code-default') {
    const def = uniformCodeDefault(record);
    const knownOff = !!record.state?.exists && !record.state.archived;
    if (def) choices.push({ value: def.value, label: `${keepLabel(def.value)}, the code default`, preferred: knownOff, isChoice: false });
  }
  const variantValues = Object.values(record.state?.variants ?? {});
  const booleanFlag = record.usages.some((u) => u.evaluates === 'boolean') || variantValues.length === 0 || variantValues.every((v) => typeof v === 'boolean');
  const options: unknown[] = booleanFlag ? [true, false] : variantValues;
  for (const value of options) {
    if (choices.some((c) => JSON.stringify(c.value) === JSON.stringify(value))) continue;
    choices.push({ value, label: keepLabel(value), preferred: false, isChoice: true });
  }
  return choices;
}
