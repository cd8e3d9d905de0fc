import { client } from './client';

enum Flags {
  NewCheckout = 'new-checkout',
  DarkMode = 'dark-mode',
}

export function run() {
  return client.isEnabled(Flags.NewCheckout) && client.isEnabled(Flags.DarkMode);
}
