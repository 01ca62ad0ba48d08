// @vitest-environment happy-dom
/**
 * The popup's list as its sources answer one after another: the bundled hits show (with
 * the first mark) before the worker's captured answer, which joins them below the chosen
 * row; "no results" waits for every source; the second mark once all are in.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { HitSource } from '../../../src/popup/archive-search';
import type { SearchHit, SearchResults } from '../../../src/shared/search-engine';
import { useDomRoot } from '../helpers/dom-root';

vi.mock('../../../src/shared/browser', () => ({ browser: {}, t: (key: string, sub?: string) => (sub === undefined ? key : `${key}:${sub}`) }));
const { archiveSearch } = await import('../../../src/popup/archive-search');
const { SearchView } = await import('../../../src/popup/SearchView');

const flush = () => act(async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
});
const hit = (id: string, score: number): SearchHit => ({ id, url: `https://x.example/${id}`, title: id, date: '2024-01-01', host: 'x.example', score, matched: [] });

/** A source whose answers the test gives when it wants. */
function heldSource(): HitSource & { answer(results: SearchResults): void } {
  let give!: (results: SearchResults) => void;
  const answer = new Promise<SearchResults>((resolve) => (give = resolve));
  return {
    search: async (_query, limit) => {
      const results = await answer;
      return { ...results, hits: results.hits.slice(0, limit) };
    },
    details: async () => ({ snippet: [], entities: [] }),
    answer: (results) => give(results),
  };
}

describe('the popup list with a late captured answer', () => {
  const domRoot = useDomRoot();
  const titles = (root: HTMLElement) => [...root.querySelectorAll('#article-results .hit-title')].map((node) => node.textContent);
  const marks = (name: string) => performance.getEntriesByName(name).length;

  it('shows the bundled hits first, then the captured best one below the chosen top row, and marks both', async () => {
    performance.clearMarks();
    const bundled = heldSource();
    const captured = heldSource();
    const notes = { searchNotes: async () => [] };
    const root = domRoot();
    await act(() => render(<SearchView engine={archiveSearch(bundled, captured)} notes={notes} initialQuery="cranes" open={() => undefined} />, root));
    bundled.answer({ hits: [hit('b1', 50), hit('b2', 40)], total: 2 });
    await flush();
    expect(titles(root)).toEqual(['b1', 'b2']);
    expect(marks('backstory:search-results')).toBe(1);
    expect(marks('backstory:search-merged')).toBe(0);
    expect(root.querySelector('.hit.active .hit-title')?.textContent).toBe('b1');

    captured.answer({ hits: [hit('c1', 90), hit('c2', 10)], total: 2 });
    await flush();
    // c1 outranks b1 but b1 is the chosen row: c1 goes right below it; c2 after b2, by score.
    expect(titles(root)).toEqual(['b1', 'c1', 'b2', 'c2']);
    expect(root.querySelector('.hit.active .hit-title')?.textContent).toBe('b1');
    expect([...root.querySelectorAll('#article-results .hit')].map((row) => row.querySelector('.by-you') !== null)).toEqual([false, true, false, true]);
    expect(marks('backstory:search-merged')).toBe(1);
  });

  it('asks the worker for the notes before the captured articles (the cheaper answer is not queued behind the other)', async () => {
    const asked: string[] = [];
    const bundled: HitSource = { search: async () => (asked.push('bundled'), { hits: [], total: 0 }), details: async () => ({ snippet: [], entities: [] }) };
    const captured: HitSource = { search: async () => (asked.push('captured'), { hits: [], total: 0 }), details: async () => ({ snippet: [], entities: [] }) };
    const notes = { searchNotes: async () => (asked.push('notes'), []) };
    const root = domRoot();
    await act(() => render(<SearchView engine={archiveSearch(bundled, captured)} notes={notes} initialQuery="cranes" open={() => undefined} />, root));
    await flush();
    expect(asked.filter((source) => source !== 'bundled')).toEqual(['notes', 'captured']);
  });

  it('shows one archive\'s hits with a warning when the other cannot be searched, and an error only when neither can', async () => {
    const failing: HitSource = { search: async () => Promise.reject(new Error('storage unreadable')), details: async () => ({ snippet: [], entities: [] }) };
    const bundled = heldSource();
    const root = domRoot();
    await act(() => render(<SearchView engine={archiveSearch(bundled, failing)} notes={{ searchNotes: async () => [] }} initialQuery="cranes" open={() => undefined} />, root));
    bundled.answer({ hits: [hit('b1', 50)], total: 1 });
    await flush();
    expect(titles(root)).toEqual(['b1']);
    expect(root.querySelector('.search-warning')?.textContent).toMatch(/storage unreadable/);

    const other = domRoot();
    await act(() => render(<SearchView engine={archiveSearch(failing, failing)} notes={{ searchNotes: async () => [] }} initialQuery="cranes" open={() => undefined} />, other));
    await flush();
    expect(titles(other)).toEqual([]);
    expect(other.querySelector('.search-warning')).toBeNull();
    expect(other.querySelector('.message.error')?.textContent).toMatch(/storage unreadable/);
    expect(other.querySelector('.no-results')).toBeNull();
  });

  it('says "no results" only when the captured archive has answered too', async () => {
    const bundled = heldSource();
    const captured = heldSource();
    const root = domRoot();
    await act(() => render(<SearchView engine={archiveSearch(bundled, captured)} notes={{ searchNotes: async () => [] }} initialQuery="rotterdam" open={() => undefined} />, root));
    bundled.answer({ hits: [], total: 0 });
    await flush();
    expect(root.querySelector('.no-results')).toBeNull();
    captured.answer({ hits: [], total: 0 });
    await flush();
    expect(root.querySelector('.no-results')).not.toBeNull();
  });
});
