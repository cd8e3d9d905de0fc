import { unusedHelper } from './helpers';

const neverUsed = 42;

export function run() {
  return 'new';
}
