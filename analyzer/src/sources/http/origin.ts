import { SourceError } from './errors';

/**
 * A service address from the config. Credentials written into it (`https://user:pass@host`) would be sent to
 * whatever the address names and shown in every message: they are refused, and `display` never holds them.
 */
export interface ServiceUrl {
  /** The address without credentials and without a trailing slash: what messages and links show. */
  display: string;
  origin: string;
  /** Set when the address carried `user:pass@`: the source refuses to run, with this one-line reason. */
  credentialsProblem?: string;
}

export function parseServiceUrl(raw: string, setting: string, tokenEnv: string): ServiceUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The config schema already checked it; keep a safe fallback without echoing the value.
    return { display: '<invalid url>', origin: 'null', credentialsProblem: `"${setting}" is not a valid address` };
  }
  const hadCredentials = url.username !== '' || url.password !== '';
  url.username = '';
  url.password = '';
  const display = url.toString().replace(/\/+$/, '');
  const credentialsProblem = hadCredentials
    ? `"${setting}" holds credentials (${url.protocol}//…@${url.host}); remove them and set the token in $${tokenEnv}`
    : undefined;
  return { display, origin: url.origin, ...(credentialsProblem ? { credentialsProblem } : {}) };
}

/** Throws unless `url` is on `origin`: the token goes to the configured service and nowhere else. */
export function assertSameOrigin(url: string, origin: string, label: string, what: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new SourceError(`${label}: ${what} is not a valid address; refused`, 'malformed');
  }
  if (target.origin !== origin) {
    throw new SourceError(`${label}: ${what} points to another origin (${target.origin}); refused: the token is only sent to ${origin}`, 'malformed');
  }
  if (target.username || target.password) throw new SourceError(`${label}: ${what} holds credentials; refused`, 'malformed');
  return target;
}
