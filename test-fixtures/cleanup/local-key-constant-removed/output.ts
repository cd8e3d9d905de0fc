import { client } from './client';

const OTHER = 'other-flag';

export function run() {
  return client.isEnabled(OTHER) ? legacyPlus() : legacy();
}
