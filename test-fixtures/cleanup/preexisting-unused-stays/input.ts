import { unusedHelper } from './helpers';
import { client } from './client';

const neverUsed = 42;

function oldPath() {
  return 'old';
}

export function run() {
  return client.isEnabled('new-checkout') ? 'new' : oldPath();
}
