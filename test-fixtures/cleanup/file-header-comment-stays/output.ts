/** Flag keys used across the app. */

const DARK_MODE = 'dark-mode';

export function run(client: { isEnabled(key: string): boolean }) {
  return client.isEnabled(DARK_MODE);
}
