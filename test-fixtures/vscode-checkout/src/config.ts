export const config = {
  featureToggles: { newNav: false } as Record<string, boolean>,
};
