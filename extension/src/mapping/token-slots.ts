import type { SourceConfig } from '@flagsweep/analyzer';

/**
 * Where a stored token may go: one service origin and the environment variable name the config gives it. A token
 * is stored under both, so a workspace that names the same `tokenEnv` with its own `url` never receives a token
 * entered for another service.
 */
export interface TokenSlot {
  origin: string;
  tokenEnv: string;
}

const PREFIX = 'flagsweep.token.';

/** The SecretStorage key of a slot: `flagsweep.token.https://app.launchdarkly.com#LD_API_TOKEN`. */
export function secretKey(slot: TokenSlot): string {
  return `${PREFIX}${slot.origin}#${slot.tokenEnv}`;
}

export function isTokenKey(key: string): boolean {
  return key.startsWith(PREFIX);
}

/** "UNLEASH_TOKEN for https://unleash.example.com": how the token commands name a slot. */
export function slotLabel(slot: TokenSlot): string {
  return `${slot.tokenEnv} for ${slot.origin}`;
}

/** The token slots of a config's remote sources, in config order, without duplicates. A source with an unusable address has none. */
export function tokenSlots(sources: readonly SourceConfig[]): TokenSlot[] {
  const slots: TokenSlot[] = [];
  for (const s of sources) {
    if (s.type === 'flagd') continue;
    const origin = originOf(s.type === 'unleash' ? s.url : s.baseUrl);
    if (origin && !slots.some((x) => x.origin === origin && x.tokenEnv === s.tokenEnv)) slots.push({ origin, tokenEnv: s.tokenEnv });
  }
  return slots;
}

/**
 * The environment the core reads tokens from, built from stored tokens by slot. When one `tokenEnv` names two
 * origins, the core could not keep their tokens apart: neither gets one, and `conflicts` says why.
 */
export function tokenEnvironment(slots: readonly TokenSlot[], stored: (key: string) => string | undefined): { env: Record<string, string | undefined>; conflicts: string[] } {
  const env: Record<string, string | undefined> = {};
  const conflicts: string[] = [];
  const byName = new Map<string, string[]>();
  for (const slot of slots) byName.set(slot.tokenEnv, [...(byName.get(slot.tokenEnv) ?? []), slot.origin]);
  for (const [name, origins] of byName) {
    if (origins.length > 1) {
      conflicts.push(`${name} is the tokenEnv of ${origins.join(' and ')}: give each service its own tokenEnv; no token is used for them`);
      continue;
    }
    env[name] = stored(secretKey({ origin: origins[0], tokenEnv: name }));
  }
  return { env, conflicts };
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
