/** The options page's filter of captured articles: by title, site or host, every word, any case. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', () => ({ browser: {}, t: (key: string) => key }));
const { matchesFilter } = await import('../../../src/options/CapturedArticles');

const item = { title: 'Harbour cranes stall in Rotterdam', site: 'The Port Gazette', host: 'portgazette.example' };

describe('matchesFilter', () => {
  it.each([
    ['', true],
    ['rotterdam', true],
    ['ROTTERDAM cranes', true],
    ['gazette', true],
    ['portgazette.example', true],
    ['rotterdam antwerp', false],
    ['berlin', false],
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(item, filter)).toBe(expected);
  });
});
