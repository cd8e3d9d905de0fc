import './polyfills';
import { client } from './client';
const legacy = require('./legacy-init');

export function run() {
  return client.isEnabled('new-checkout') ? modern() : legacy.run();
}
