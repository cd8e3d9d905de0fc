import { client } from './client';

enum Flags {
  DarkMode = 'dark-mode',
}

export function run() {
  return client.isEnabled(Flags.DarkMode);
}
