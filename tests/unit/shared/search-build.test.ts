/**
 * The search index built in steps (the worker's merge of captured articles) is the index
 * built at once, file for file, and lets other work run between its steps.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, buildSearchIndexInSteps, docTerms } from '../../../src/shared/search-build';
import { ARCHIVE_FORMAT_VERSION, type Article } from '../../../src/shared/archive-format';

const WORDS = ['harbour', 'council', 'ferry', 'dredging', 'budget', 'tram', 'glacier', 'orchard', 'tariff', 'viaduct', 'storm', 'mayor'];

function article(i: number): Article {
  const word = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
  return {
    format: ARCHIVE_FORMAT_VERSION,
    id: i.toString(16).padStart(16, '0'),
    url: `https://news${i % 3}.example/${i}`,
    key: `news${i % 3}.example/${i}`,
    title: `The ${word(0)} and the ${word(1)} report ${i}`,
    date: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
    host: `news${i % 3}.example`,
    summary: `A ${word(2)} story about the ${word(3)}.`,
    paragraphs: [`The ${word(4)} met the ${word(5)} on Monday.`, `Nobody expected the ${word(6)} to ${word(7)} again.`],
    entities: [],
  };
}

describe('buildSearchIndexInSteps', () => {
  it('builds the same files as buildSearchIndex, pausing between steps', async () => {
    const articles = Array.from({ length: 700 }, (_, i) => article(i)).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    let pauses = 0;
    const stepped = await buildSearchIndexInSteps(articles, articles.map(docTerms), async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(6);
    expect(Object.fromEntries(stepped)).toEqual(Object.fromEntries(buildSearchIndex(articles)));
  });
});
