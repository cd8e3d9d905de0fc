declare const flags: { isEnabled(k: string): boolean };

export function broken( {
  return flags.isEnabled('never-seen');
}
