/**
 * The captured-article store over an in-memory storage.local: the API the popup search,
 * the options list and backup build on; locks, a full disk, unreadable records.
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

type Store = typeof import('../../../../src/background/capture/store');
let store: Store;

const A = '0123456789abcdef';
const B = 'fedcba9876543210';

beforeEach(async () => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The store keeps the index it last read for the worker's life: a new worker per test.
  vi.resetModules();
  store = await import('../../../../src/background/capture/store');
});

const local = () => fake.browser.storage.local.data;
const quotaError = () => Object.assign(new Error('QUOTA_BYTES quota exceeded'), { name: 'QuotaExceededError' });

describe('the captured-article store', () => {
  it('stores an article under its own key and lists, gets and finds it by URL key', async () => {
    await store.putCaptured(capturedArticle(A));
    expect(local().get(`captured:${A}`)).toMatchObject({ id: A, schemaVersion: 1, paragraphs: ['The first paragraph.', 'The second paragraph.'] });
    expect(await store.listCaptured()).toEqual([expect.objectContaining({ id: A, title: `Article ${A}`, site: 'Example News' })]);
    expect((await store.getCaptured(A))?.summary).toBe('A summary of the article.');
    expect((await store.findCapturedByUrlKey(`news.example.org/2025/${A}.html`))?.id).toBe(A);
    expect(await store.findCapturedByUrlKey('news.example.org/2025/other.html')).toBeNull();
    expect(await store.getCaptured(B)).toBeNull();
  });

  it('lists the newest capture first, and a second put of the same id replaces the first', async () => {
    await store.putCaptured(capturedArticle(A, { capturedAt: 1 }));
    await store.putCaptured(capturedArticle(B, { capturedAt: 2 }));
    await store.putCaptured(capturedArticle(A, { capturedAt: 3, title: 'Edited' }));
    expect((await store.listCaptured()).map((s) => [s.id, s.title])).toEqual([
      [A, 'Edited'],
      [B, `Article ${B}`],
    ]);
  });

  it('keeps every article of concurrent captures (the index is changed under its lock)', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `${i.toString(16).padStart(2, '0')}${'a'.repeat(14)}`);
    await Promise.all(ids.map((id) => store.putCaptured(capturedArticle(id))));
    expect((await store.listCaptured()).map((s) => s.id).sort()).toEqual([...ids].sort());
  });

  it('reads the index fresh when another context changed it', async () => {
    await store.putCaptured(capturedArticle(A));
    expect(await store.listCaptured()).toHaveLength(1);
    const index = structuredClone(local().get('captured-index')) as { articles: Record<string, unknown> };
    delete index.articles[A];
    await fake.browser.storage.local.set({ 'captured-index': index });
    expect(await store.listCaptured()).toEqual([]);
  });

  it('refuses an article that fails its schema, storing nothing', async () => {
    await expect(store.putCaptured(capturedArticle(A, { date: '2025-02-30' }))).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(store.putCaptured(capturedArticle('not-an-id'))).rejects.toMatchObject({ code: 'invalid-request' });
    expect(local().size).toBe(0);
  });

  it('on a full disk, rejects with storage-full and keeps what was stored', async () => {
    await store.putCaptured(capturedArticle(A));
    fake.browser.storage.local.failWith = quotaError();
    await expect(store.putCaptured(capturedArticle(B))).rejects.toMatchObject({ code: 'storage-full', message: expect.stringContaining(`archiving https://news.example.org/2025/${B}.html`) });
    expect(local().has(`captured:${B}`)).toBe(false);
    expect((await store.listCaptured()).map((s) => s.id)).toEqual([A]);
  });

  it('when the index cannot be written, puts the record back as it was', async () => {
    await store.putCaptured(capturedArticle(A, { title: 'First version' }));
    const area = fake.browser.storage.local;
    const set = area.set.bind(area);
    let writes = 0;
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      // The record's write goes through; the index's is refused.
      if (++writes === 2) throw quotaError();
      return set(items);
    });
    await expect(store.putCaptured(capturedArticle(A, { title: 'Second version' }))).rejects.toMatchObject({ code: 'storage-full' });
    expect(local().get(`captured:${A}`)).toMatchObject({ title: 'First version' });
    expect((await store.getCaptured(A))?.title).toBe('First version');

    writes = 0;
    await expect(store.putCaptured(capturedArticle(B))).rejects.toMatchObject({ code: 'storage-full' });
    expect(local().has(`captured:${B}`)).toBe(false);
  });

  it('deletes an article and restores it for Undo, capture time and all', async () => {
    await store.putCaptured(capturedArticle(A, { capturedAt: 1_700_000_000_123 }));
    const deleted = await store.deleteCaptured(A);
    expect(deleted?.id).toBe(A);
    expect(local().has(`captured:${A}`)).toBe(false);
    expect(await store.listCaptured()).toEqual([]);
    expect(await store.findCapturedByUrlKey(`news.example.org/2025/${A}.html`)).toBeNull();
    await store.restoreCaptured(deleted);
    expect((await store.getCaptured(A))?.capturedAt).toBe(1_700_000_000_123);
    expect(await store.deleteCaptured(B)).toBeNull();
    await expect(store.restoreCaptured({ id: A })).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('quarantines an unreadable record instead of trusting it or deleting it', async () => {
    await store.putCaptured(capturedArticle(A));
    local().set(`captured:${A}`, { id: A, title: 42 });
    expect(await store.getCaptured(A)).toBeNull();
    const kept = [...local().entries()].filter(([key]) => key.startsWith(`quarantine:captured:${A}:`));
    expect(kept).toHaveLength(1);
    expect(kept[0]?.[1]).toMatchObject({ key: `captured:${A}`, value: { id: A, title: 42 } });
  });

  it('rebuilds an unreadable index from the records, keeping the damaged one aside', async () => {
    await store.putCaptured(capturedArticle(A));
    await store.putCaptured(capturedArticle(B));
    vi.resetModules();
    store = await import('../../../../src/background/capture/store');
    local().set('captured-index', { schemaVersion: 1, articles: 'garbage' });
    expect((await store.listCaptured()).map((s) => s.id).sort()).toEqual([A, B].sort());
    expect([...local().keys()].some((key) => key.startsWith('quarantine:captured-index:'))).toBe(true);
    expect(local().get('captured-index')).toMatchObject({ schemaVersion: 1, articles: { [A]: expect.anything(), [B]: expect.anything() } });
  });
});
