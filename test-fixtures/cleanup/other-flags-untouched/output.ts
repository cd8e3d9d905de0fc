import { client } from './client';

export function run() {
  const dark = client.isEnabled('dark-mode');
  if (dark) {
    return 'new-dark';
  }
  return dark ? 'dark' : 'light';
}
