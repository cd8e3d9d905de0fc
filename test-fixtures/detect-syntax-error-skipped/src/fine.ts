declare const flags: { isEnabled(k: string): boolean };

export const fine = flags.isEnabled('still-found');
