declare const flags: { isEnabled(k: string): boolean };
export const m = flags.isEnabled('from-mts');
