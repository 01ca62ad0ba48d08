import { describe, expect, it } from 'vitest';
import { formatArchiveAge, formatArchiveDate } from '../../../../src/sidebar/article/archive-date';

describe('formatArchiveDate', () => {
  it.each([
    ['2024-02-08', 'en-GB', '8 February 2024'],
    ['2024-02-08', 'de', '8. Februar 2024'],
    ['2024-02-08', 'en-US', 'February 8, 2024'],
    ['2024-01-01', 'en-GB', '1 January 2024'],
    ['2023-12-31', 'de', '31. Dezember 2023'],
  ])('formats %s in %s as %j', (date, locale, expected) => {
    expect(formatArchiveDate(date, locale)).toBe(expected);
  });
});

describe('formatArchiveAge', () => {
  const NOW = new Date('2026-02-08T15:30:00Z');

  it.each([
    ['2026-02-08', 'en-GB', 'today'],
    ['2026-02-07', 'en-GB', 'yesterday'],
    ['2026-01-29', 'en-GB', '10 days ago'],
    ['2025-12-26', 'en-GB', '44 days ago'], // the last day counted in days
    ['2025-12-25', 'en-GB', 'last month'],
    ['2025-11-01', 'en-GB', '3 months ago'],
    ['2024-08-10', 'en-GB', '18 months ago'], // 547 days: the last day counted in months
    ['2024-08-09', 'en-GB', '2 years ago'], // 548 days: 1.5 years, rounded
    ['2025-02-08', 'en-GB', '12 months ago'],
    ['2024-02-08', 'en-GB', '2 years ago'],
    ['2016-02-08', 'en-GB', '10 years ago'],
    ['2026-02-09', 'en-GB', 'tomorrow'],
    ['2026-02-07', 'de', 'gestern'],
    ['2026-01-29', 'de', 'vor 10 Tagen'],
    ['2025-11-01', 'de', 'vor 3 Monaten'],
    ['2024-02-08', 'de', 'vor 2 Jahren'],
  ])('%s seen on 8 February 2026, in %s: %j', (date, locale, expected) => {
    expect(formatArchiveAge(date, NOW, locale)).toBe(expected);
  });

  it('counts whole days since midnight UTC of the archive date', () => {
    expect(formatArchiveAge('2026-02-07', new Date('2026-02-07T23:59:59Z'), 'en-GB')).toBe('today');
    expect(formatArchiveAge('2026-02-07', new Date('2026-02-08T00:00:00Z'), 'en-GB')).toBe('yesterday');
  });
});
