import { flags } from './flags';

export function pageSize() {
  return Math.min(flags.get('max-results'), 100);
}
