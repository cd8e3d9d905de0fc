// Keys grouped for the legacy pages; their annotations live in registry.ts.
export const LEGACY_KEYS = { PROMO: 'promo-banner' } as const;
