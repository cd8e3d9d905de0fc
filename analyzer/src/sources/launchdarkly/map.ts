import type { FlagState, Winner } from '../../model';

/** The parts of a LaunchDarkly REST API v2 flag (GET /api/v2/flags/{project}?env={env}&summary=0) flagsweep reads. */
export interface LdRollout {
  variations: { variation: number; weight: number }[];
}
export interface LdServe {
  variation?: number;
  rollout?: LdRollout;
}
export interface LdFlagEnvironment {
  on: boolean;
  archived?: boolean;
  offVariation?: number | null;
  fallthrough?: LdServe;
  rules?: (LdServe & { _id?: string; description?: string })[];
  targets?: { values: string[]; variation: number }[];
  contextTargets?: { values: string[]; variation: number }[];
  prerequisites?: { key: string; variation: number }[];
  lastModified?: number;
}
export interface LdFlag {
  key: string;
  name?: string;
  description?: string;
  kind?: string;
  creationDate?: number;
  variations: { value: unknown; name?: string }[];
  temporary?: boolean;
  archived?: boolean;
  tags?: string[];
  _maintainer?: { email?: string; firstName?: string; lastName?: string };
  _maintainerTeam?: { key?: string; name?: string };
  environments?: Record<string, LdFlagEnvironment>;
}
/** One item of GET /api/v2/flag-statuses/{project}/{env}. */
export interface LdFlagStatus {
  name: string;
  lastRequested?: string | null;
  _links?: { parent?: { href?: string } };
}

/** Flag types flagsweep's lifecycle policy knows, when a LaunchDarkly tag names one. */
const TYPE_TAGS = ['release', 'experiment', 'ops', 'operational', 'kill-switch', 'permission'];

export function mapLdFlag(flag: LdFlag, environment: string, sourceId: string, dashboardUrl: string, status?: LdFlagStatus): FlagState {
  if (typeof flag.key !== 'string' || !Array.isArray(flag.variations)) throw new Error('expected a "key" string and a "variations" array');
  const env = flag.environments?.[environment];
  const names = variationNames(flag.variations);
  const variants = Object.fromEntries(flag.variations.map((v, i) => [names[i], v.value]));
  const on = env?.on === true;
  const rollout = env?.fallthrough?.rollout ? percentages(env.fallthrough.rollout, names) : undefined;
  const ruleCount = env?.rules?.length ?? 0;
  const targetCount = [...(env?.targets ?? []), ...(env?.contextTargets ?? [])].filter((t) => t.values.length > 0).length;
  const winner = env ? winnerOf(env, flag.variations, names) : { kind: 'code-default' as const };
  const fallthrough = env?.fallthrough?.variation;

  const state: FlagState = {
    key: flag.key,
    source: sourceId,
    exists: true,
    enabled: on,
    variants,
    ...(on && fallthrough !== undefined ? { defaultVariant: names[fallthrough] } : {}),
    servedValue: on ? (fallthrough !== undefined ? flag.variations[fallthrough]?.value : undefined) : null,
    hasTargeting: ruleCount > 0 || targetCount > 0 || (env?.prerequisites?.length ?? 0) > 0,
    ruleCount,
    ...(rollout ? { rollout } : {}),
    winner,
    ...(flag.description ? { description: flag.description } : {}),
    archived: flag.archived === true || env?.archived === true,
    dashboardUrl,
  };
  const owner = flag._maintainer?.email ?? flag._maintainerTeam?.name;
  if (owner) state.owner = owner;
  if (flag.creationDate) state.createdAt = new Date(flag.creationDate).toISOString();
  if (flag.tags && flag.tags.length > 0) state.tags = flag.tags;
  const typeTag = flag.tags?.find((t) => TYPE_TAGS.includes(t));
  if (typeTag) state.flagType = typeTag;
  if (flag.temporary === false) {
    state.expires = 'never';
    state.expiresEstimate = { flagType: typeTag ?? 'permanent', basis: 'LaunchDarkly marks the flag permanent (temporary: false)' };
  }
  if (winner.kind !== 'none' && env?.lastModified) state.constantSince = new Date(env.lastModified).toISOString();
  if (status) {
    state.lifecycleStage = status.name;
    state.vendorStale = status.name === 'launched';
    if (status.lastRequested) state.lastSeenAt = status.lastRequested;
  }
  return state;
}

/** A value only when every evaluation in the environment serves the same variation. */
function winnerOf(env: LdFlagEnvironment, variations: LdFlag['variations'], names: string[]): Winner {
  const constant = (index: number | null | undefined): Winner =>
    index === null || index === undefined || !variations[index] ? { kind: 'code-default' } : { kind: 'value', value: variations[index].value, variant: names[index] };
  if (!env.on) return constant(env.offVariation);

  const served = new Set<number | 'off'>();
  const serve = (s: LdServe | undefined) => {
    if (s?.variation !== undefined) served.add(s.variation);
    for (const v of s?.rollout?.variations ?? []) if (v.weight > 0) served.add(v.variation);
  };
  serve(env.fallthrough);
  for (const rule of env.rules ?? []) serve(rule);
  for (const t of [...(env.targets ?? []), ...(env.contextTargets ?? [])]) if (t.values.length > 0) served.add(t.variation);
  // A failed prerequisite serves the off variation.
  if ((env.prerequisites?.length ?? 0) > 0) served.add(env.offVariation ?? 'off');

  if (served.size === 1) {
    const [only] = served;
    return only === 'off' ? { kind: 'code-default' } : constant(only);
  }
  const parts: string[] = [];
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (env.rules?.length) parts.push(count(env.rules.length, 'rule'));
  const targets = [...(env.targets ?? []), ...(env.contextTargets ?? [])].filter((t) => t.values.length > 0).length;
  if (targets) parts.push(count(targets, 'individual target list'));
  if (env.prerequisites?.length) parts.push(count(env.prerequisites.length, 'prerequisite'));
  if (env.fallthrough?.rollout) {
    const split = percentages(env.fallthrough.rollout, names).map((b) => `${b.variant} ${b.weight}%`).join(' / ');
    parts.push(`a percentage rollout ${split}`);
  }
  return { kind: 'none', reason: `${parts.join(', ')} serve different variations` };
}

/** LaunchDarkly weights are in thousandths of a percent (100000 = 100%). */
function percentages(rollout: LdRollout, names: string[]): { variant: string; weight: number }[] {
  return rollout.variations.map((v) => ({ variant: names[v.variation] ?? String(v.variation), weight: v.weight / 1000 }));
}

/** Variation names: the name when set, else the value for primitives, else "variation N"; always unique. */
function variationNames(variations: LdFlag['variations']): string[] {
  const names = variations.map((v, i) => v.name || (v.value === null || typeof v.value !== 'object' ? String(v.value) : `variation ${i}`));
  return names.map((n, i) => (names.indexOf(n) === i ? n : `variation ${i}`));
}
