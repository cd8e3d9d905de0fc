import './polyfills';
require('./legacy-init');

export function run() {
  return modern();
}
