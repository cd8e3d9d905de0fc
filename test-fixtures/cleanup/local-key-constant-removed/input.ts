import { client } from './client';

const NEW_CHECKOUT = 'new-checkout';
const OTHER = 'other-flag';

export function run() {
  if (client.isEnabled(NEW_CHECKOUT)) {
    return modern();
  }
  return client.isEnabled(OTHER) ? legacyPlus() : legacy();
}
