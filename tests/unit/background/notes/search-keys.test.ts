/**
 * The popup's notes search runs on every query: it must not list every key of
 * storage.local each time (thousands of captured articles beside a few notes), and must
 * still find every record written before it, by this worker or by anything else.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { ARTICLE_ID, record } from '../../helpers/records';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));

const { notesHandlers } = await import('../../../../src/background/notes/handlers');
import { EXTENSION_PAGE } from '../../helpers/senders';
import { catalogArchiveFetch } from '../../helpers/packed-archive';

const popup = EXTENSION_PAGE;
const CATALOG = { id: ARTICLE_ID, url: 'https://sputnikglobe.com/20240208/article.html', title: 'Iraqi Militias Vow', date: '2024-02-08', host: 'sputnikglobe.com' };

/** storage.local.getKeys as Chromium 130 has it, counted, optionally answering only when released. */
function listableKeys(): { calls: () => number; holdNext: () => () => void } {
  const area = fake.browser.storage.local as typeof fake.browser.storage.local & { getKeys?: () => Promise<string[]> };
  let calls = 0;
  let gate: Promise<void> | null = null;
  area.getKeys = async () => {
    calls++;
    const keys = [...area.data.keys()];
    const held = gate;
    gate = null;
    if (held) await held;
    return keys;
  };
  return {
    calls: () => calls,
    holdNext: () => {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
  };
}

beforeEach(() => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal(
    'fetch',
    catalogArchiveFetch({ [ARTICLE_ID]: CATALOG }),
  );
});

const search = (query: string) => notesHandlers['notes/search']({ query, limit: 5 }, popup);
const save = (text: string, baseRevision: number, baseText: string) =>
  notesHandlers['notes/save-note']({ articleId: ARTICLE_ID, text, tags: [], baseRevision, baseText }, popup);

describe('notes/search', () => {
  it('lists storage.local’s keys once per worker life, not on each query', async () => {
    const keys = listableKeys();
    await fake.browser.storage.local.set({ 'captured:x': 'a long article' });
    for (const query of ['one', 'two', 'three']) await search(query);
    expect(keys.calls()).toBe(1);
  });

  it('finds a note this worker saved after the keys were listed', async () => {
    listableKeys();
    expect(await search('steadfast')).toEqual([]);
    await save('They remain steadfast.', 0, '');
    expect((await search('steadfast')).map((hit) => hit.text)).toEqual(['They remain steadfast.']);
  });

  it('finds a note this worker saved before storage reported the change (Chromium reports it later)', async () => {
    listableKeys();
    const on = fake.browser.storage.onChanged;
    const add = on.addListener;
    const unreported: (() => void)[] = [];
    on.addListener = (listener) => add((changes, area) => void unreported.push(() => listener(changes, area)));
    expect(await search('steadfast')).toEqual([]);
    await save('They remain steadfast.', 0, '');
    expect((await search('steadfast')).map((hit) => hit.text)).toEqual(['They remain steadfast.']);
    for (const report of unreported.splice(0)) report();
  });

  it('finds a record stored by anything else (an import, another context) after the keys were listed', async () => {
    listableKeys();
    expect(await search('steadfast')).toEqual([]);
    await fake.browser.storage.local.set({ [`notes:${ARTICLE_ID}`]: record({ note: { text: 'They remain steadfast.', tags: [], revision: 1, updatedAt: 5 }, updatedAt: 5 }) });
    expect((await search('steadfast')).map((hit) => hit.text)).toEqual(['They remain steadfast.']);
  });

  it('finds a note saved while the first listing was under way (the listing did not see it)', async () => {
    const keys = listableKeys();
    const release = keys.holdNext();
    const first = search('steadfast');
    await save('They remain steadfast.', 0, '');
    release();
    await first;
    expect((await search('steadfast')).map((hit) => hit.text)).toEqual(['They remain steadfast.']);
  });

  it('finds nothing of a record removed since (its key, still known, reads as missing)', async () => {
    listableKeys();
    await save('They remain steadfast.', 0, '');
    expect(await search('steadfast')).toHaveLength(1);
    await fake.browser.storage.local.remove(`notes:${ARTICLE_ID}`);
    expect(await search('steadfast')).toEqual([]);
  });

  it('lists them again after a listing failed', async () => {
    const area = fake.browser.storage.local as typeof fake.browser.storage.local & { getKeys?: () => Promise<string[]> };
    area.getKeys = () => Promise.reject(new Error('storage unavailable'));
    await expect(search('steadfast')).rejects.toThrow('storage unavailable');
    listableKeys();
    await save('They remain steadfast.', 0, '');
    expect(await search('steadfast')).toHaveLength(1);
  });
});
