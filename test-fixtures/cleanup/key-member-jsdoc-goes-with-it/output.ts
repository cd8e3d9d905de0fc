import { client } from './client';

/** Every flag key, in one place. */
const FLAGS = {
  /** @expires 2026-12-01 */
  DARK_MODE: 'dark-mode',
} as const;

enum Ops {
  /** @expires never */
  Reindex = 'reindex',
}

export function run() {
  return client.isEnabled(FLAGS.DARK_MODE) && client.isEnabled(Ops.Reindex) ? 'dark' : 'light';
}
