/** Flag keys used across the app. */

/** @flag new-checkout @expires 2026-11-19 */
const NEW_CHECKOUT = 'new-checkout';
const DARK_MODE = 'dark-mode';

export function run(client: { isEnabled(key: string): boolean }) {
  return client.isEnabled(NEW_CHECKOUT) && client.isEnabled(DARK_MODE);
}
