// Plan rules for the resize page.

export function tabs(db: Db) {
  // Legacy clusters of size 2 cannot use the shared tab
  if (db.size === 2) {
    return ['shared'];
  }

  // keep: explains the fallback
  return [];
}
