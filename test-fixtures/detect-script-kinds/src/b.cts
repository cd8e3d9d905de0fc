declare const flags: { isEnabled(k: string): boolean };
export const c = flags.isEnabled('from-cts');
