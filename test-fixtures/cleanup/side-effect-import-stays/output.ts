import './polyfills';
const legacy = require('./legacy-init');

export function run() {
  return modern();
}
