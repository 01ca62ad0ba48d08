/**
 * The captured articles' search index over an in-memory storage.local: found as soon as
 * stored, gone when deleted, replaced versions found by their new text, segments merged
 * past their limits, a full disk leaves the previous index searchable.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { capturedArticle } from '../../helpers/captured';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

/** The prefixes the index lists stored keys under (storage.ts's keysPrefixed, passed through). */
const listed: { prefixes: string[] } = vi.hoisted(() => ({ prefixes: [] }));
vi.mock('../../../../src/background/storage', async (original) => {
  const storage = await original<typeof import('../../../../src/background/storage')>();
  return {
    ...storage,
    keysPrefixed: (...args: Parameters<typeof storage.keysPrefixed>) => {
      listed.prefixes.push(args[1]);
      return storage.keysPrefixed(...args);
    },
  };
});

type Store = typeof import('../../../../src/background/capture/store');
type Index = typeof import('../../../../src/background/capture/search-index');
let store: Store;
let index: Index;

const id = (n: number): string => n.toString(16).padStart(16, '0');

beforeEach(async () => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.resetModules();
  store = await import('../../../../src/background/capture/store');
  index = await import('../../../../src/background/capture/search-index');
});

const local = () => fake.browser.storage.local.data;
const ids = async (query: string, limit = 50): Promise<string[]> => (await index.searchCaptured(query, limit)).hits.map((hit) => hit.id);
const searchFiles = (): string[] => [...local().keys()].filter((key) => key.startsWith('captured-search:'));

describe('the captured search index', () => {
  it('finds a stored article by its title, body words (prefix, typo) and host, and says nothing of others', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Harbour cranes stall in Rotterdam', paragraphs: ['Dockworkers walked out over automation.'] }));
    await store.putCaptured(capturedArticle(id(2), { title: 'Budget vote delayed', paragraphs: ['The council met late.'], host: 'other.example.com' }));
    expect(await ids('rotterdam')).toEqual([id(1)]);
    expect(await ids('dockwork')).toEqual([id(1)]);
    expect(await ids('automaton')).toEqual([id(1)]);
    expect(await ids('host:other.example.com council')).toEqual([id(2)]);
    expect(await ids('zebra')).toEqual([]);
    const { hits } = await index.searchCaptured('rotterdam', 5);
    expect(hits[0]).toMatchObject({ id: id(1), url: `https://news.example.org/2025/${id(1)}.html`, title: 'Harbour cranes stall in Rotterdam', date: '2025-03-14' });
  });

  it('lists the newest first for an empty query', async () => {
    await store.putCaptured(capturedArticle(id(1), { date: '2024-01-01' }));
    await store.putCaptured(capturedArticle(id(2), { date: '2025-06-01' }));
    expect(await ids('')).toEqual([id(2), id(1)]);
  });

  it('follows the store on its own (the change event), without a search asking', async () => {
    index.watchCapturedArticles();
    await store.putCaptured(capturedArticle(id(1), { title: 'Glacier retreat measured' }));
    await vi.waitFor(() => expect(local().get('captured-search')).toMatchObject({ schemaVersion: 2, recent: { articles: { [id(1)]: expect.any(Number) } } }));
  });

  it('rebuilds the recent segment on a capture from the terms it kept: only the new article is read and tokenized', async () => {
    for (let i = 1; i <= 20; i++) await store.putCaptured(capturedArticle(id(i), { title: `Tide table ${i}`, capturedAt: 1_760_000_000_000 + i }));
    await index.syncCapturedSearch();
    expect((await index.searchCaptured('tide', 50)).total).toBe(20);
    await store.putCaptured(capturedArticle(id(21), { title: 'Tide gauge replaced', capturedAt: 1_760_000_000_100 }));
    const get = vi.spyOn(fake.browser.storage.local, 'get');
    await index.syncCapturedSearch();
    const recordsRead = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys])).filter((key) => String(key).startsWith('captured:'));
    expect(recordsRead).toEqual([`captured:${id(21)}`]);
    expect(await ids('gauge')).toEqual([id(21)]);
    expect((await index.searchCaptured('tide', 50)).total).toBe(21);
  });

  it('drops a deleted article and finds a replaced one by its new text only', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Old headline about turbines' }));
    await store.putCaptured(capturedArticle(id(2), { title: 'Second article on tariffs' }));
    expect(await ids('turbines')).toEqual([id(1)]);
    await store.putCaptured(capturedArticle(id(1), { title: 'New headline about solar', capturedAt: 1_770_000_000_000 }));
    expect(await ids('turbines')).toEqual([]);
    expect(await ids('solar')).toEqual([id(1)]);
    await store.deleteCaptured(id(2));
    expect(await ids('tariffs')).toEqual([]);
  });

  it('merges into a new base past the recent limit (in the background), hides deleted base articles, and removes old files', async () => {
    const n = index.RECENT_LIMIT + 3;
    for (let i = 1; i <= n; i++) {
      await store.putCaptured(capturedArticle(id(i), { title: `Report number ${i} on fisheries`, capturedAt: 1_760_000_000_000 + i }));
      await index.syncCapturedSearch();
      // Found at once, merge or not.
      expect((await index.searchCaptured('fisheries', 100)).total).toBe(i);
    }
    await index.capturedSearchMerged();
    const pointer = local().get('captured-search') as { base: { gen: string; count: number } | null; recent: { articles: object } | null; hidden: string[] };
    expect(pointer.base).not.toBeNull();
    const manifest = local().get(`captured-search:${pointer.base!.gen}:manifest`) as { articles: object; files: string[] };
    expect(pointer.base!.count + Object.keys(pointer.recent?.articles ?? {}).length).toBe(n);
    expect(Object.keys(manifest.articles)).toHaveLength(pointer.base!.count);
    expect((await index.searchCaptured('fisheries', 100)).total).toBe(n);
    // A base article deleted is hidden, not searched.
    const inBase = Object.keys(manifest.articles)[0]!;
    await store.deleteCaptured(inBase);
    expect(await ids('fisheries', 100)).not.toContain(inBase);
    expect((await index.searchCaptured('fisheries', 100)).total).toBe(n - 1);
    // Only the files the pointer names are stored.
    const now = local().get('captured-search') as { base: { gen: string }; recent: { gen: string; files: string[] } | null };
    const baseFiles = (local().get(`captured-search:${now.base.gen}:manifest`) as { files: string[] }).files.map((f) => `captured-search:${now.base.gen}:${f}`);
    const named = [...baseFiles, `captured-search:${now.base.gen}:manifest`, ...(now.recent ? now.recent.files.map((f) => `captured-search:${now.recent!.gen}:${f}`) : [])];
    expect(searchFiles().sort()).toEqual(named.sort());
  });

  /** What a worker stopped in the middle of a merge leaves: a base's files and manifest that no pointer names. */
  const leaveUnfinishedMerge = (): string[] => {
    const left = ['captured-search:stopped-1-x:manifest', 'captured-search:stopped-1-x:search/meta.json', 'captured-search:stopped-1-x:search/terms/0.json'];
    for (const key of left) local().set(key, { left: 'by a worker stopped mid-merge' });
    return left;
  };
  /** A new worker life over the same storage (a stopped worker's memory is gone). */
  const restartWorker = async (): Promise<void> => {
    vi.resetModules();
    store = await import('../../../../src/background/capture/store');
    index = await import('../../../../src/background/capture/search-index');
  };

  it('removes the files of a background merge a stopped worker did not finish, on the next merge', async () => {
    const capture = async (from: number, to: number): Promise<void> => {
      for (let i = from; i <= to; i++) {
        await store.putCaptured(capturedArticle(id(i), { title: `Ferry timetable ${i}`, capturedAt: 1_760_000_000_000 + i }));
        await index.syncCapturedSearch();
      }
      await index.capturedSearchMerged();
    };
    const n = index.RECENT_LIMIT + 3;
    await capture(1, n); // a base, and a recent segment over it
    const left = leaveUnfinishedMerge();
    await restartWorker();
    // Past the recent limit again: a merge runs in the background, and first removes what the stopped one left.
    await capture(n + 1, 2 * n);
    expect((local().get('captured-search') as { base: { count: number } }).base.count).toBeGreaterThan(n);
    expect(searchFiles().filter((key) => left.includes(key))).toEqual([]);
    expect((await index.searchCaptured('ferry', 100)).total).toBe(2 * n);
  });

  it('removes them on waking where the browser lists keys, keeping every file the pointer names', async () => {
    for (let i = 1; i <= 5; i++) await store.putCaptured(capturedArticle(id(i), { title: `Lock gates ${i}`, capturedAt: 1_760_000_000_000 + i }));
    await index.syncCapturedSearch();
    const named = searchFiles();
    const left = leaveUnfinishedMerge();
    await restartWorker();
    // storage.local.getKeys (Chromium 130, Firefox 143): keys listed without reading their values.
    const area = fake.browser.storage.local as unknown as { getKeys: () => Promise<string[]> };
    area.getKeys = async () => [...local().keys()];
    await index.syncCapturedSearch();
    expect(searchFiles().sort()).toEqual(named.sort());
    expect(searchFiles().some((key) => left.includes(key))).toBe(false);
    expect((await index.searchCaptured('lock', 100)).total).toBe(5);
  });

  it('looks for them once when the first sync of a worker life is a merge', async () => {
    const area = fake.browser.storage.local as unknown as { getKeys: () => Promise<string[]> };
    area.getKeys = async () => [...local().keys()];
    const left = leaveUnfinishedMerge();
    // Restored without a sync: past the recent limit many times over, so the first sync merges at once.
    await store.restoreManyCaptured(Array.from({ length: index.RECENT_LIMIT * 5 }, (_, i) => capturedArticle(id(i + 1), { title: `Tide table ${i}`, capturedAt: 1_760_000_000_000 + i })));
    await restartWorker();
    listed.prefixes = [];
    await index.syncCapturedSearch();
    expect(listed.prefixes).toEqual(['captured-search:']);
    expect(searchFiles().some((key) => left.includes(key))).toBe(false);
    expect((await index.searchCaptured('tide', 500)).total).toBe(index.RECENT_LIMIT * 5);
  });

  it('writes a pointer and files in proportion to the capture, not to the archive', async () => {
    const many = Array.from({ length: 400 }, (_, i) => capturedArticle(id(1000 + i), { title: `Harvest note ${i}`, capturedAt: 1_760_000_000_000 + i }));
    await store.restoreManyCaptured(many);
    await index.syncCapturedSearch();
    await index.capturedSearchMerged();
    const area = fake.browser.storage.local;
    const set = area.set.bind(area);
    const written: Array<[string, number]> = [];
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      for (const [key, value] of Object.entries(items)) written.push([key, JSON.stringify(value).length]);
      return set(items);
    });
    await store.putCaptured(capturedArticle(id(1), { title: 'Orchard frost', capturedAt: 1_770_000_000_000 }));
    await index.syncCapturedSearch();
    expect(await ids('orchard')).toEqual([id(1)]);
    const pointerBytes = written.filter(([key]) => key === 'captured-search').reduce((sum, [, n]) => sum + n, 0);
    const searchBytes = written.filter(([key]) => key.startsWith('captured-search')).reduce((sum, [, n]) => sum + n, 0);
    // 400 articles' ids in a pointer would be ~12 KB; one capture's recent segment is far smaller.
    expect(pointerBytes).toBeLessThan(2_000);
    expect(searchBytes).toBeLessThan(20_000);
  });

  it('keeps the previous index searchable when the disk refuses the new one', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Wildfire smoke over the valley' }));
    expect(await ids('wildfire')).toEqual([id(1)]);
    await store.putCaptured(capturedArticle(id(2), { title: 'Wildfire season starts early' }));
    fake.browser.storage.local.failWith = Object.assign(new Error('QUOTA_BYTES quota exceeded'), { name: 'QuotaExceededError' });
    await expect(index.syncCapturedSearch()).rejects.toThrow(/quota/);
    expect((local().get('captured-search') as { recent: { articles: object } }).recent.articles).toEqual({ [id(1)]: expect.any(Number) });
    expect(await ids('wildfire')).toEqual(expect.arrayContaining([id(1), id(2)]));
  });

  it('gives the snippet of a captured hit from its stored text', async () => {
    await store.putCaptured(capturedArticle(id(1), { paragraphs: ['Engineers inspected the viaduct after the storm.'] }));
    const [hit] = (await index.searchCaptured('viaduct', 5)).hits;
    const details = await index.capturedHitDetails(hit!, 'viaduct');
    expect(details.snippet.some((part) => part.mark && part.text.toLowerCase() === 'viaduct')).toBe(true);
  });

  it('does not find a captured article set aside as damaged, and lists it among the damaged records', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Volcano ash grounds flights' }));
    await store.putCaptured(capturedArticle(id(2), { title: 'Volcano monitoring expands', capturedAt: 1_760_000_000_001 }));
    expect((await ids('volcano')).sort()).toEqual([id(1), id(2)]);
    local().set(`captured:${id(1)}`, { id: id(1), title: 42 });
    // The popup's answer reads the first hits' text: the damaged record is set aside there, and is not in the answer.
    const answer = await index.searchCapturedWithDetails('volcano', 20, 8);
    expect(answer.hits.map((hit) => hit.id)).toEqual([id(2)]);
    expect(answer.total).toBe(1);
    expect(await ids('volcano')).toEqual([id(2)]);
    expect(await ids('')).toEqual([id(2)]);
    const { readQuarantined } = await import('../../../../src/background/notes/store');
    expect((await readQuarantined()).map((r) => r.key)).toEqual([`captured:${id(1)}`]);
    // Read by anything else (the sidebar, a backup), it is gone from the search as well.
    local().set(`captured:${id(2)}`, { id: id(2), title: 43 });
    expect(await store.getCaptured(id(2))).toBeNull();
    expect(await ids('volcano')).toEqual([]);
  });

  it('rebuilds an unreadable pointer from the store', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Tram line opens' }));
    await ids('tram');
    local().set('captured-search', { schemaVersion: 99 });
    expect(await ids('tram')).toEqual([id(1)]);
  });
});

describe('the in-memory captured index (the worker keeps it between searches)', () => {
  const reads = () => vi.spyOn(fake.browser.storage.local, 'get');

  it('answers a search on an unchanged store without reading storage', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Ferry strike ends', paragraphs: ['Crossings resume on Monday.'] }));
    expect(await ids('ferry')).toEqual([id(1)]);
    const get = reads();
    expect(await ids('ferry')).toEqual([id(1)]);
    expect(await ids('crossings')).toEqual([id(1)]);
    expect(get).not.toHaveBeenCalled();
  });

  it('changes the results at once on a capture, a delete, its Undo and a restore from a backup, with no change event awaited', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Bridge repairs begin' }));
    expect(await ids('bridge')).toEqual([id(1)]);
    await store.putCaptured(capturedArticle(id(2), { title: 'Bridge toll rises' }));
    expect((await ids('bridge')).sort()).toEqual([id(1), id(2)]);
    const deleted = await store.deleteCaptured(id(1));
    expect(await ids('bridge')).toEqual([id(2)]);
    expect(await ids('repairs')).toEqual([]);
    await store.restoreCaptured(deleted); // Undo
    expect(await ids('repairs')).toEqual([id(1)]);
    // A backup's version of an article replaces the one searched (import restores records).
    await store.restoreCaptured(capturedArticle(id(2), { title: 'Ferry toll rises', capturedAt: 1_770_000_000_000 }));
    expect(await ids('bridge')).toEqual([id(1)]);
    expect(await ids('ferry')).toEqual([id(2)]);
  });

  it('follows a deletion past the recent segment (a base article) at once', async () => {
    for (let i = 1; i <= index.RECENT_LIMIT + 2; i++) await store.putCaptured(capturedArticle(id(i), { title: `Orchard report ${i}`, capturedAt: 1_760_000_000_000 + i }));
    expect((await index.searchCaptured('orchard', 100)).total).toBe(index.RECENT_LIMIT + 2);
    await store.deleteCaptured(id(1));
    expect(await ids('orchard', 100)).not.toContain(id(1));
    expect((await index.searchCaptured('orchard', 100)).total).toBe(index.RECENT_LIMIT + 1);
  });

  it('rebuilds a corrupted stored index, in this worker and the next, saying so, and loses no captured article', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Lighthouse keeper retires' }));
    await store.putCaptured(capturedArticle(id(2), { title: 'Lighthouse restored' }));
    expect((await ids('lighthouse')).sort()).toEqual([id(1), id(2)]);
    const records = [...local()].filter(([key]) => key.startsWith('captured:'));
    const warn = vi.mocked(console.warn);
    warn.mockClear();
    // Changed in storage by something else: this worker stops trusting what it kept.
    await fake.browser.storage.local.set({ 'captured-search': { schemaVersion: 2, base: 'not a segment' } });
    expect((await ids('lighthouse')).sort()).toEqual([id(1), id(2)]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/search index \(captured-search\) is unreadable .*rebuilding it from the captured articles/));
    expect(local().get('captured-search')).toMatchObject({ schemaVersion: 2, recent: { articles: { [id(1)]: expect.any(Number), [id(2)]: expect.any(Number) } } });
    // A worker started on a corrupted pointer.
    local().set('captured-search', 'garbage');
    warn.mockClear();
    vi.resetModules();
    index = await import('../../../../src/background/capture/search-index');
    expect((await ids('lighthouse')).sort()).toEqual([id(1), id(2)]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable/));
    expect([...local()].filter(([key]) => key.startsWith('captured:'))).toEqual(records);
  });

  it('rebuilds an index whose files are missing (a worker started on a damaged index), saying so', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Glacier survey', paragraphs: ['Ice cores from the ridge.'] }));
    expect(await ids('glacier')).toEqual([id(1)]);
    await fake.browser.storage.local.remove(searchFiles().filter((key) => key.includes(':search/docs/')));
    vi.resetModules();
    index = await import('../../../../src/background/capture/search-index');
    const warn = vi.mocked(console.warn);
    warn.mockClear();
    expect(await ids('glacier')).toEqual([id(1)]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/search index is damaged \(captured search index has no search\/docs\/0\.json\); rebuilding/));
    expect(await ids('ridge')).toEqual([id(1)]);
    expect(local().has(`captured:${id(1)}`)).toBe(true);
  });

  it('answers the popup in one message: the hits with the details of the first few', async () => {
    await store.putCaptured(capturedArticle(id(1), { title: 'Canal reopens', paragraphs: ['Barges queued at the canal locks.'] }));
    await store.putCaptured(capturedArticle(id(2), { title: 'Canal fees', capturedAt: 1_760_000_000_001 }));
    const answer = await index.searchCapturedWithDetails('canal', 20, 1);
    expect(answer.hits).toHaveLength(2);
    expect(Object.keys(answer.details)).toEqual([answer.hits[0]!.id]);
    expect(answer.details[answer.hits[0]!.id]!.snippet.some((part) => part.mark)).toBe(true);
  });
});

describe('captured articles mentioning an entity', () => {
  const kirby = { id: 'person:john-kirby', type: 'person' as const, name: 'John Kirby', aliases: ['John Kirby', 'Kirby'], count: 1, mentions: [[0, 10] as const] };
  const otherKirby = { ...kirby, id: 'person:jane-kirby', name: 'Jane Kirby', aliases: ['Jane Kirby'] };

  it('lists those with that entity by id, newest first, not those with a namesake or none', async () => {
    await store.putCaptured(capturedArticle(id(1), { date: '2024-01-01', entities: [kirby] }));
    await store.putCaptured(capturedArticle(id(2), { date: '2025-01-01', entities: [kirby] }));
    await store.putCaptured(capturedArticle(id(3), { entities: [otherKirby] }));
    await store.putCaptured(capturedArticle(id(4), { title: 'John Kirby spoke', entities: [] }));
    expect((await index.capturedMentioning('person:john-kirby', 'John Kirby', 12)).map((a) => a.id)).toEqual([id(2), id(1)]);
    expect(await index.capturedMentioning('person:john-kirby', '"', 12)).toEqual([]);
  });
});
