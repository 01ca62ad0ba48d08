// @vitest-environment happy-dom
/**
 * The published date of a page being archived, on pages marked up as real sites mark up
 * their dates (tests/fixtures/capture/date-pages.ts: a tuned part and a held-out part,
 * each reported), and the date claims a page can lie with.
 */
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../../src/shared/calendar-date';
import { believable, claimedDay, publishedDate } from '../../../../src/content/capture/published-date';
import { DATE_PAGES, type DatePage } from '../../../fixtures/capture/date-pages';

const NOW = new Date('2025-06-01T12:00:00Z');
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

function verdict(page: DatePage): boolean {
  const found = publishedDate(parse(page.html), NOW);
  const expected = { ...page.expected, date: page.expected.date ?? localDay(NOW) };
  return found.date === expected.date && found.source === expected.source && found.refused === expected.refused;
}

describe('published date on realistic pages', () => {
  for (const split of ['tuned', 'held-out'] as const) {
    const pages = DATE_PAGES.filter((page) => page.split === split);
    it(`reads the day each ${split} page says it was published (${pages.length} pages)`, () => {
      const wrong = pages.filter((page) => !verdict(page)).map((page) => `${page.name}: ${JSON.stringify(publishedDate(parse(page.html), NOW))}`);
      console.info(`published date, ${split}: ${pages.length - wrong.length}/${pages.length} right`);
      expect(wrong).toEqual([]);
    });
  }
});

describe('date claims', () => {
  it('reads the day as the publisher wrote it, in the forms sites use', () => {
    expect(claimedDay('2024-02-08T23:59:00-08:00')).toBe('2024-02-08');
    expect(claimedDay(' 2024-02-08 ')).toBe('2024-02-08');
    expect(claimedDay('2024-02-08 10:00:00')).toBe('2024-02-08');
    expect(claimedDay('2024-02-08T10:00:00.123+0530')).toBe('2024-02-08');
    expect(claimedDay('20240208')).toBe('2024-02-08');
    expect(claimedDay('February 8, 2024')).toBe('2024-02-08');
    expect(claimedDay('Feb. 8 2024')).toBe('2024-02-08');
    expect(claimedDay('8th of February 2024')).toBe('2024-02-08');
    expect(claimedDay('14 September 2021')).toBe('2021-09-14');
    expect(claimedDay('14-Sep-2021')).toBe('2021-09-14');
    // The publisher's own day, whatever their offset or the user's time zone.
    expect(claimedDay('Thu, 08 Feb 2024 23:30:00 -0500')).toBe('2024-02-08');
    expect(claimedDay('Fri, 09 Feb 2024 00:30:00 +1300')).toBe('2024-02-09');
  });

  it('reads a month-name date the same in every time zone', () => {
    // The day comes from the words, never from Date.parse, whose result is in the machine's zone.
    const before = process.env.TZ;
    try {
      for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(claimedDay('14 September 2021'), zone).toBe('2021-09-14');
        expect(claimedDay('February 8, 2024'), zone).toBe('2024-02-08');
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('names no day for a month-name date without a day or with one the month does not have', () => {
    for (const claim of ['March 2023', 'Feb 30, 2024', '31 April 2024', 'Mayor 3, 2024', 'June 2024 edition']) {
      expect(claimedDay(claim), claim).toBeNull();
    }
  });

  it('names no day for what is not a date', () => {
    for (const claim of ['', 'today', '{{date}}', '2024-13-01', '2024-02-30', '0000-00-00', '1707400000', '2024-02-08Tnonsense', 'Invalid Date']) {
      expect(claimedDay(claim), claim).toBeNull();
    }
  });

  it('believes no day in the future (beyond a day of time-zone slack) nor before the web’s news', () => {
    expect(believable('2025-06-02', NOW)).toBe(true);
    expect(believable('2025-06-04', NOW)).toBe(false);
    expect(believable('1970-01-01', NOW)).toBe(false);
    expect(believable('1999-12-31', NOW)).toBe(true);
  });

  it('skips a JSON-LD block too long to parse, and JSON-LD nested without end', () => {
    const huge = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-01","pad":"${'x'.repeat(600_000)}"}</script>`;
    expect(publishedDate(parse(`<html><head>${huge}</head><body></body></html>`), NOW).source).toBe('capture');
    let nested = '{"datePublished":"2024-01-01"}';
    for (let i = 0; i < 50; i++) nested = `{"@graph":[${nested}]}`;
    const deep = publishedDate(parse(`<html><head><script type="application/ld+json">${nested}</script></head></html>`), NOW);
    expect(deep.source).toBe('capture');
  });
});
