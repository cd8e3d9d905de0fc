import { client } from './client';

const FLAGS = {
  DARK_MODE: 'dark-mode',
} as const;

export function run() {
  return client.isEnabled(FLAGS.DARK_MODE) ? 'dark' : 'light';
}
