import type { FlagState, Winner } from '../../model';
import { addDays } from '../dates';

/** The parts of Unleash's Admin API feature document (GET /api/admin/projects/{p}/features/{name}) flagsweep reads. */
export interface UnleashStrategy {
  name: string;
  disabled?: boolean | null;
  constraints?: unknown[];
  segments?: unknown[];
  parameters?: Record<string, unknown>;
  variants?: UnleashVariant[];
}
export interface UnleashVariant {
  name: string;
  weight?: number;
  payload?: { type: string; value: string };
}
export interface UnleashFeature {
  name: string;
  type?: string;
  description?: string | null;
  stale?: boolean;
  archived?: boolean;
  createdAt?: string;
  lastSeenAt?: string | null;
  variants?: UnleashVariant[];
  lifecycle?: { stage?: string; status?: string | null; enteredStageAt?: string };
  environments: { name: string; enabled: boolean; lastSeenAt?: string | null; strategies?: UnleashStrategy[]; variants?: UnleashVariant[] }[];
}

/** Unleash's expected lifetime per flag type (https://docs.getunleash.io/reference/feature-toggles#feature-flag-types); undefined = permanent. */
export const UNLEASH_LIFETIME_DAYS: Record<string, number | undefined> = {
  release: 40,
  experiment: 40,
  operational: 7,
  'kill-switch': undefined,
  permission: undefined,
};

export function mapUnleashFeature(feature: UnleashFeature, environment: string, sourceId: string, dashboardUrl: string): FlagState {
  if (typeof feature.name !== 'string' || !Array.isArray(feature.environments)) throw new Error('expected a "name" string and an "environments" array');
  const env = feature.environments.find((e) => e.name === environment);
  const enabled = env?.enabled === true;
  const strategies = (env?.strategies ?? []).filter((s) => !s.disabled);
  const variantList = (env?.variants && env.variants.length > 0 ? env.variants : feature.variants) ?? [];
  const variants = Object.fromEntries([...variantList, ...strategies.flatMap((s) => s.variants ?? [])].map((v) => [v.name, payloadValue(v)]));
  const on = strategies.find(isUnconditionalOn);
  const rollout = strategies.length === 1 ? rolloutOf(strategies[0]) : undefined;

  const state: FlagState = {
    key: feature.name,
    source: sourceId,
    exists: true,
    enabled,
    variants,
    servedValue: enabled ? true : null,
    hasTargeting: strategies.some((s) => !isUnconditionalOn(s)),
    ruleCount: strategies.length,
    ...(rollout ? { rollout } : {}),
    winner: winnerOf(enabled, strategies, on, variantList),
    ...(feature.description ? { description: feature.description } : {}),
    ...(feature.type ? { flagType: feature.type } : {}),
    ...(feature.createdAt ? { createdAt: feature.createdAt } : {}),
    vendorStale: feature.stale === true,
    ...(feature.lifecycle?.stage ? { lifecycleStage: feature.lifecycle.stage } : {}),
    ...(feature.lifecycle?.status ? { lifecycleStatus: feature.lifecycle.status } : {}),
    archived: feature.archived === true,
    dashboardUrl,
  };
  const lastSeen = env?.lastSeenAt ?? feature.lastSeenAt;
  if (lastSeen) state.lastSeenAt = lastSeen;
  Object.assign(state, expectedExpiry(feature));
  return state;
}

function expectedExpiry(feature: UnleashFeature): Pick<FlagState, 'expires' | 'expiresEstimate'> {
  const type = feature.type;
  if (!type || !(type in UNLEASH_LIFETIME_DAYS)) return {};
  const days = UNLEASH_LIFETIME_DAYS[type];
  if (days === undefined) return { expires: 'never', expiresEstimate: { flagType: type, basis: `Unleash treats ${type} flags as permanent` } };
  if (!feature.createdAt) return {};
  return {
    expires: addDays(feature.createdAt, days),
    expiresEstimate: { flagType: type, lifetimeDays: days, basis: `created ${feature.createdAt.slice(0, 10)} + Unleash's expected lifetime of a ${type} flag (${days} days)` },
  };
}

/** ON for everyone: `default` (or a 100% flexibleRollout / gradual rollout) with no constraints and no segments. */
function isUnconditionalOn(s: UnleashStrategy): boolean {
  if ((s.constraints?.length ?? 0) > 0 || (s.segments?.length ?? 0) > 0) return false;
  if (s.name === 'default') return true;
  const pct = percentOf(s);
  return pct === 100;
}

function percentOf(s: UnleashStrategy): number | undefined {
  const raw = s.parameters?.rollout ?? s.parameters?.percentage;
  if (raw === undefined || !['flexibleRollout', 'gradualRolloutRandom', 'gradualRolloutUserId', 'gradualRolloutSessionId'].includes(s.name)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function rolloutOf(s: UnleashStrategy): { variant: string; weight: number }[] | undefined {
  const pct = percentOf(s);
  return pct === undefined ? undefined : [{ variant: 'on', weight: pct }, { variant: 'off', weight: 100 - pct }];
}

function winnerOf(enabled: boolean, strategies: UnleashStrategy[], on: UnleashStrategy | undefined, envVariants: UnleashVariant[]): Winner {
  // A disabled Unleash flag answers false (isEnabled) / the "disabled" variant: the SDK fallback only covers unknown flags.
  if (!enabled) return { kind: 'value', value: false };
  if (strategies.length > 0 && strategies.every((s) => percentOf(s) === 0)) return { kind: 'value', value: false };
  if (strategies.length > 0 && !on) return { kind: 'none', reason: describeStrategies(strategies) };
  const variants = on?.variants && on.variants.length > 0 ? on.variants : envVariants;
  const weighted = variants.filter((v) => (v.weight ?? 1) > 0);
  if (weighted.length === 0) return { kind: 'value', value: true };
  if (weighted.length === 1) return { kind: 'value', value: payloadValue(weighted[0]), variant: weighted[0].name };
  const total = weighted.reduce((sum, v) => sum + (v.weight ?? 0), 0) || weighted.length;
  const split = weighted.map((v) => `${v.name} ${Math.round(((v.weight ?? 1) / total) * 1000) / 10}%`).join(' / ');
  return { kind: 'none', reason: `on for everyone, variant split ${split}` };
}

function describeStrategies(strategies: UnleashStrategy[]): string {
  const parts = strategies.map((s) => {
    const pct = percentOf(s);
    const conditions = (s.constraints?.length ?? 0) + (s.segments?.length ?? 0);
    const what = pct !== undefined ? `${s.name} ${pct}%` : s.name;
    return conditions > 0 ? `${what} with ${conditions} constraint${conditions === 1 ? '' : 's'}/segment${conditions === 1 ? '' : 's'}` : what;
  });
  return `${strategies.length} strateg${strategies.length === 1 ? 'y' : 'ies'}: ${parts.join(', ')}`;
}

/** A variant's payload as its typed value (json/number parsed), else the variant name. */
function payloadValue(v: UnleashVariant): unknown {
  if (!v.payload) return v.name;
  if (v.payload.type === 'json') {
    try {
      return JSON.parse(v.payload.value);
    } catch {
      return v.payload.value;
    }
  }
  if (v.payload.type === 'number') return Number(v.payload.value);
  return v.payload.value;
}
