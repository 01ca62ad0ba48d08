/** The popup's one search over the bundled and the captured archive. */
import { describe, expect, it, vi } from 'vitest';
import { archiveSearch, combineResults, workerCaptured, type ArchiveHit, type HitSource } from '../../../src/popup/archive-search';
import type { SearchHit } from '../../../src/shared/search-engine';

vi.mock('../../../src/shared/browser', () => ({ browser: {}, t: (key: string) => key }));
const sendToWorker = vi.hoisted(() => vi.fn());
vi.mock('../../../src/shared/messages/to-worker', async (importOriginal) => ({ ...(await importOriginal<object>()), sendToWorker }));

const hit = (id: string, score: number, date: string): SearchHit => ({ id, url: `https://x.example/${id}`, title: id, date, host: 'x.example', score, matched: [] });

function source(hits: SearchHit[], total = hits.length): HitSource & { details: ReturnType<typeof vi.fn> } {
  return {
    search: vi.fn(async (_query: string, limit: number) => ({ hits: hits.slice(0, limit), total })),
    details: vi.fn(async () => ({ snippet: [], entities: [] })),
  };
}

describe('combineResults', () => {
  it('merges both by score, marks captured hits, and adds the totals', () => {
    const results = combineResults({ hits: [hit('b1', 900, '2024-01-01'), hit('b2', 300, '2024-02-01')], total: 7 }, { hits: [hit('c1', 500, '2020-01-01')], total: 2 }, 20, false);
    expect(results.hits.map((h) => [h.id, h.byYou ?? false])).toEqual([['b1', false], ['c1', true], ['b2', false]]);
    expect(results.total).toBe(9);
  });

  it('lists recent articles of both by date for an empty query, within the limit', () => {
    const results = combineResults({ hits: [hit('b1', 0, '2024-01-01'), hit('b2', 0, '2023-01-01')], total: 2 }, { hits: [hit('c1', 0, '2025-05-05')], total: 1 }, 2, true);
    expect(results.hits.map((h) => h.id)).toEqual(['c1', 'b1']);
  });
});

describe('archiveSearch', () => {
  it('marks the captured archive\'s hits and asks the archive a hit came from for its details', async () => {
    const bundled = source([hit('b1', 1, '2024-01-01')]);
    const captured = source([hit('c1', 2, '2024-01-01')]);
    const search = archiveSearch(bundled, captured);
    const hits = [...(await search.bundled.search('x', 5)).hits, ...(await search.captured.search('x', 5)).hits];
    expect(hits.map((h: ArchiveHit) => h.byYou ?? false)).toEqual([false, true]);
    await Promise.all(hits.map((h) => search.details(h, 'x')));
    expect(bundled.details).toHaveBeenCalledTimes(1);
    expect(captured.details).toHaveBeenCalledWith(expect.objectContaining({ id: 'c1', byYou: true }), 'x');
  });
});

describe('workerCaptured', () => {
  const answer = (ids: string[], withDetails: number) => ({
    hits: ids.map((id, i) => hit(id, 100 - i, '2024-01-01')),
    total: ids.length,
    details: Object.fromEntries(ids.slice(0, withDetails).map((id) => [id, { snippet: [{ text: id, mark: false }], entities: [] }])),
  });

  it('asks the worker once per query: the first results, the whole list and the snippets shown come from that answer', async () => {
    sendToWorker.mockReset().mockResolvedValue(answer(['c1', 'c2', 'c3'], 2));
    const captured = workerCaptured(20, 2);
    expect((await captured.search('canal', 8)).hits.map((h) => h.id)).toEqual(['c1', 'c2', 'c3']);
    expect((await captured.search('canal', 2)).hits.map((h) => h.id)).toEqual(['c1', 'c2']);
    expect(await captured.details(hit('c2', 0, ''), 'canal')).toEqual({ snippet: [{ text: 'c2', mark: false }], entities: [] });
    expect(sendToWorker).toHaveBeenCalledTimes(1);
    expect(sendToWorker).toHaveBeenCalledWith('capture/search', { query: 'canal', limit: 20, details: 2 });
    // A hit past those with details, another query, and the first query again (the archive may have changed): asked anew.
    await captured.details(hit('c3', 0, ''), 'canal');
    expect(sendToWorker).toHaveBeenLastCalledWith('capture/details', { id: 'c3', query: 'canal', matched: [] });
    await captured.search('barge', 8);
    await captured.search('canal', 8);
    expect(sendToWorker.mock.calls.map(([type]) => type)).toEqual(['capture/search', 'capture/details', 'capture/search', 'capture/search']);
  });

  it('asks again after a failed answer', async () => {
    sendToWorker.mockReset().mockRejectedValueOnce(new Error('worker-unreachable')).mockResolvedValue(answer(['c1'], 1));
    const captured = workerCaptured(20, 8);
    await expect(captured.search('canal', 8)).rejects.toThrow(/unreachable/);
    expect((await captured.search('canal', 8)).hits).toHaveLength(1);
  });
});
