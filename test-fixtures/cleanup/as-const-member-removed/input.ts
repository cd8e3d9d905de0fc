import { client } from './client';

const FLAGS = {
  NEW_CHECKOUT: 'new-checkout',
  DARK_MODE: 'dark-mode',
} as const;

export function run() {
  if (!client.isEnabled(FLAGS.NEW_CHECKOUT)) return null;
  return client.isEnabled(FLAGS.DARK_MODE) ? 'dark' : 'light';
}
