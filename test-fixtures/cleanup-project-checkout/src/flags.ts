/** Flag keys used across the app. */
export const FLAGS = {
  NEW_CHECKOUT: 'new-checkout',
  DARK_MODE: 'dark-mode',
} as const;
