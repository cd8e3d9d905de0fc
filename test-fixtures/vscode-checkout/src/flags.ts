/** Flag keys used across the app. */

/** @flag new-checkout */
export const NEW_CHECKOUT = 'new-checkout';

export enum Flags {
  /** @flag dark-mode */
  DarkMode = 'dark-mode',
}
