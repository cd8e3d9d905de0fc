/** Why a remote source could not answer; `message` is one line, names the setting to fix, and never holds a token. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly reason: 'auth' | 'not-found' | 'network' | 'timeout' | 'server' | 'malformed' | 'config',
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Replaces every occurrence of the secret in `text`: a last line of defence before anything leaves the source. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('<redacted>');
}
