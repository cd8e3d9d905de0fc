export const FLAGS = { FOOTER: 'home-footer' } as const;
