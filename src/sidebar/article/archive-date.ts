/** "8 February 2024" and "2 years ago", in the user's language (Intl, not hand-made). */

const DAY_MS = 86_400_000;

export function formatArchiveDate(isoDate: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** How long ago the archive date was, in the largest unit that reads naturally. */
export function formatArchiveAge(isoDate: string, now: Date, locale?: string): string {
  const days = Math.floor((now.getTime() - Date.parse(`${isoDate}T00:00:00Z`)) / DAY_MS);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(days) < 45) return format.format(-days, 'day');
  if (Math.abs(days) < 548) return format.format(-Math.round(days / 30.44), 'month');
  return format.format(-Math.round(days / 365.25), 'year');
}
