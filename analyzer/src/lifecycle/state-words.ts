import type { FlagState, Winner } from '../model';

/**
 * A flag's live state in plain words, as markdown, from one table over (defined? archived? enabled?) × what is
 * served × targeting. Every front end (hover, problems, flags view, reports) phrases state through this module, so
 * one flag never reads "ON" in one place and "OFF" in another. Dependency-free: the editor bundles it at activation.
 */
export function stateInWords(state: FlagState | undefined, winner: Winner): string {
  if (!state || !state.exists) return 'not defined in any flag source: every check gets its code default';
  if (state.archived) return 'archived: every check gets its code default';
  if (!state.enabled) return 'OFF: serves the code default';
  if (winner.kind === 'value') return servesToEveryone(winner.value);
  if (winner.kind === 'code-default') return 'ON, but serves the code default (no default variant)';
  return targetingWords(state);
}

/** "ON for everyone" for `true`; "serves `false` to everyone", "serves `"v2"` to everyone" otherwise. */
export function servesToEveryone(value: unknown): string {
  return value === true ? 'ON for everyone' : `serves ${formatValue(value)} to everyone`;
}

/** Targeting rules and splits: "2 targeting rules", "25% rollout", "3 targeting rules, then 25% rollout". */
function targetingWords(state: FlagState): string {
  const rollout = rolloutWords(state);
  const rules = state.ruleCount ? `${state.ruleCount} targeting rule${state.ruleCount === 1 ? '' : 's'}` : undefined;
  // A rollout is itself one rule (an Unleash gradual rollout strategy, a flagd fractional): only more is "rules, then".
  if (rollout && state.ruleCount && state.ruleCount > 1) return `${rules}, then ${rollout}`;
  if (rollout) return rollout;
  if (rules) return rules;
  return state.hasTargeting ? 'targeting rules decide' : 'no single value';
}

const ON_OFF_NAMES: Record<string, boolean | undefined> = { on: true, off: false, true: true, false: false, enabled: true, disabled: false };

/** "50% rollout" for an on/off split; "split: `a` 25%, `b` 75%" for variants. */
function rolloutWords(state: FlagState): string | undefined {
  const rollout = state.rollout?.filter((r) => r.weight > 0);
  if (!rollout || rollout.length === 0) return undefined;
  const total = rollout.reduce((sum, r) => sum + r.weight, 0) || 1;
  const pct = (w: number) => `${Math.round((w / total) * 1000) / 10}%`;
  // Sources without variant values (an Unleash gradual rollout) name the buckets "on"/"off".
  const valueOf = (name: string): unknown => (name in state.variants ? state.variants[name] : ON_OFF_NAMES[name.toLowerCase()]);
  const on = rollout.find((r) => valueOf(r.variant) === true);
  const isOnOff = rollout.every((r) => typeof valueOf(r.variant) === 'boolean');
  if (isOnOff) return on ? `${pct(on.weight)} rollout` : '0% rollout';
  return `split: ${rollout.map((r) => `${formatValue(state.variants[r.variant] ?? r.variant)} ${pct(r.weight)}`).join(', ')}`;
}

/** A value as inline code: `true`, `"v2"`, `{"limit":3}`. */
export function formatValue(value: unknown): string {
  return '`' + (JSON.stringify(value) ?? String(value)) + '`';
}
