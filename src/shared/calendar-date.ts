/** Calendar days as YYYY-MM-DD: the one check of "is this a real day" (valibot's isoDate checks the shape only: 2025-02-30 passes it). */

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The calendar day of `time` where the user is (their clock's time zone). */
export function localDay(time: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}
