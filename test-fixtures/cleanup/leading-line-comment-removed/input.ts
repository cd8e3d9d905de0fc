// Plan rules for the resize page.
import { client } from './client';

export function tabs(db: Db) {
  // For new clusters, restrict plan types based on the current plan
  if (client.isEnabled('plan-resize')) {
    return ['premium'];
  }
  // Legacy clusters of size 2 cannot use the shared tab
  if (db.size === 2) {
    return ['shared'];
  }

  // keep: explains the fallback
  return [];
}
