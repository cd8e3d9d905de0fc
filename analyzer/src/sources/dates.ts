/** YYYY-MM-DD that names a real calendar day. */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** An ISO day or an ISO date-time (what vendors and people write for createdAt/updatedAt). */
export function isIsoTimestamp(value: string): boolean {
  if (isIsoDay(value)) return true;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** `iso` plus `days`, as YYYY-MM-DD (UTC). */
export function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(iso));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
