import { client } from './client';

export function run() {
  const dark = client.isEnabled('dark-mode');
  if (client.isEnabled('new-checkout') && dark) {
    return 'new-dark';
  }
  return dark ? 'dark' : 'light';
}
