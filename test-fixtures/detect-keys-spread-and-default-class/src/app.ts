import SearchFlags from './flags/checkout';
import { FLAGS } from './flags';

declare const flags: { isEnabled(key: string): boolean };
declare const remote: Record<string, string>;
const MIXED = { ...remote, LOCAL: 'local-key' };

export const app = [
  flags.isEnabled(FLAGS.V2),
  flags.isEnabled(FLAGS.EXPRESS),
  flags.isEnabled(FLAGS.SEARCH),
  flags.isEnabled(SearchFlags.FUZZY),
  flags.isEnabled(MIXED.LOCAL),
  flags.isEnabled(MIXED.OTHER),
];
