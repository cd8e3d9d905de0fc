const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD as a UTC day; undefined when malformed or not a real calendar day (2025-02-30). */
export function parseIsoDay(text: string): Date | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatIsoDay(date) === text ? date : undefined;
}

/** YYYY-MM-DD that names a real calendar day. */
export function isIsoDay(text: string): boolean {
  return parseIsoDay(text) !== undefined;
}

/** The UTC day of `date` as YYYY-MM-DD. */
export function formatIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
