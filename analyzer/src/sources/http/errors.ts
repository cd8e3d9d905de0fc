/** Why a remote source could not answer; `message` is one line, names the setting to fix, and never holds a token. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly reason: 'auth' | 'not-found' | 'network' | 'timeout' | 'server' | 'malformed' | 'config' | 'limit',
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/**
 * Replaces every occurrence of the secrets in `text` (as written, and as JSON would escape them): the last line of
 * defence before anything leaves a source, is cached or is printed.
 */
export function redact(text: string, secrets: string | undefined | readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of typeof secrets === 'string' || secrets === undefined ? [secrets] : secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join('<redacted>');
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join('<redacted>');
  }
  return out;
}

/** `redact` over every string in a JSON-like value (flag states from a vendor's answer), keys included. */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  if (!secrets.some((s) => s && s.length >= 4)) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k, secrets), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
