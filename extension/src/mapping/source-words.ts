/** "flags.flagd.json", "Unleash, environment production", from a FlagState source id like `unleash:production`. */
export function sourceWords(sourceId: string): string {
  const colon = sourceId.indexOf(':');
  const kind = colon < 0 ? sourceId : sourceId.slice(0, colon);
  const rest = colon < 0 ? '' : sourceId.slice(colon + 1);
  const escaped = rest.replace(/[\\`*_[\]()<>#!|]/g, (c) => `\\${c}`);
  if (kind === 'flagd') return escaped || 'flagd file';
  const vendor = kind === 'unleash' ? 'Unleash' : kind === 'launchdarkly' ? 'LaunchDarkly' : kind;
  return rest ? `${vendor}, environment ${escaped}` : vendor;
}
