import { formatIsoDay, isIsoDay } from '../text/iso-day';

export { isIsoDay } from '../text/iso-day';

/** An ISO day or an ISO date-time (what vendors and people write for createdAt/updatedAt). */
export function isIsoTimestamp(value: string): boolean {
  if (isIsoDay(value)) return true;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** `iso` plus `days`, as YYYY-MM-DD (UTC). */
export function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(iso));
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDay(d);
}
