/**
 * The engine keeps the words of the articles it detailed last (KEPT_DETAILED): the next
 * query's snippets of the same hits, as the user types on, split no text again, and say
 * the same as when nothing is kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { compileArchive, type SeedSource } from '../../../scripts/archive/compile';
import type { ArticleEntity } from '../../../src/shared/archive-format';

const splits = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/shared/search-text', async (original) => {
  const real = await original<typeof import('../../../src/shared/search-text')>();
  return {
    ...real,
    words: (text: string) => {
      splits.count += 1;
      return real.words(text);
    },
  };
});
const { KEPT_DETAILED, SearchEngine } = await import('../../../src/shared/search-engine');

const KIRBY: ArticleEntity['type'] = 'person';
function entities(text: string): ArticleEntity[] {
  const at = text.indexOf('John Kirby');
  return at < 0 ? [] : [{ id: 'person:john-kirby', type: KIRBY, name: 'John Kirby', aliases: ['Kirby'], count: 1, mentions: [[at, at + 10]] }];
}

function seeds(count: number): SeedSource[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `s${i}.txt`,
    content: ` date 2024-01-${String((i % 28) + 1).padStart(2, '0')} https://example.com/article-${i}.html\n\nHarbour report ${i}\n\nJohn Kirby spoke about the harbour blockade and the grain ships waiting offshore. Paragraph ${i}.\n`,
  }));
}

const archive = compileArchive(seeds(KEPT_DETAILED + 2), { extractEntities: entities });
const files = new Map([...archive.files, ...archive.search]);
const engine = (keptDetailed?: number) =>
  new SearchEngine(async (path) => {
    if (!files.has(path)) throw new Error(`missing ${path}`);
    return JSON.parse(JSON.stringify(files.get(path)));
  }, keptDetailed === undefined ? {} : { keptDetailed });

/** Each typed query's hits with their details, and how many texts were split into words meanwhile. */
async function typed(search: InstanceType<typeof SearchEngine>, queries: readonly string[], limit: number) {
  const start = splits.count;
  const answers = [];
  for (const query of queries) {
    const { hits } = await search.search(query, limit);
    answers.push(await Promise.all(hits.map(async (hit) => ({ id: hit.id, details: await search.details(hit, query) }))));
  }
  return { answers, splits: splits.count - start };
}

describe('details while typing', () => {
  const typing = ['ha', 'harb', 'harbour', 'harbour bl', 'harbour blockade'];

  it('splits each hit’s text once for a query typed letter by letter, and answers as an engine that keeps nothing', async () => {
    const kept = await typed(engine(), typing, 8);
    const none = await typed(engine(0), typing, 8);
    expect(kept.answers).toEqual(none.answers);
    expect(kept.answers[0]!.length).toBe(8);
    expect(kept.answers.at(-1)![0]!.details.snippet.some((part) => part.mark && /blockade/i.test(part.text))).toBe(true);
    expect(kept.answers.at(-1)![0]!.details.entities.map((e) => e.name)).toEqual([]);
    const ids = new Set(kept.answers.flat().map((a) => a.id));
    expect(kept.splits).toBe(ids.size);
    expect(none.splits).toBe(kept.answers.flat().length);
  });

  it('names the entities a query matches from the kept terms of their names and aliases', async () => {
    const kept = await typed(engine(), ['kirby harbour', 'kirby harbour grain'], 4);
    for (const answer of kept.answers) for (const { details } of answer) expect(details.entities.map((e) => e.name)).toEqual(['John Kirby']);
    expect(kept.splits).toBe(4);
  });

  it('keeps only the last KEPT_DETAILED articles', async () => {
    const search = engine();
    const all = (await search.search('harbour', KEPT_DETAILED + 2)).hits;
    expect(all.length).toBe(KEPT_DETAILED + 2);
    const start = splits.count;
    for (const hit of all) await search.details(hit, 'harbour');
    await search.details(all.at(-1)!, 'harbour grain');
    expect(splits.count - start).toBe(KEPT_DETAILED + 2);
    await search.details(all[0]!, 'harbour grain');
    expect(splits.count - start).toBe(KEPT_DETAILED + 3);
  });
});
