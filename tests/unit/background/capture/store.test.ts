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
    const shard = structuredClone(local().get('captured-index:01')) as { articles: Record<string, unknown> };
    delete shard.articles[A];
    await fake.browser.storage.local.set({ 'captured-index:01': shard });
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

  it('rebuilds an unreadable shard of the index from its records, keeping the damaged one aside, and no other', async () => {
    const A2 = '01ffffffffffffff'; // A's shard (01), B's is fe
    await store.putCaptured(capturedArticle(A));
    await store.putCaptured(capturedArticle(A2));
    await store.putCaptured(capturedArticle(B));
    const other = structuredClone(local().get('captured-index:fe'));
    vi.resetModules();
    store = await import('../../../../src/background/capture/store');
    local().set('captured-index:01', { schemaVersion: 2, articles: 'garbage' });
    const warn = vi.mocked(console.warn);
    warn.mockClear();
    expect((await store.listCaptured()).map((s) => s.id).sort()).toEqual([A, A2, B].sort());
    expect([...local().keys()].filter((key) => key.startsWith('quarantine:captured-index:01:'))).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/index shard captured-index:01 is unreadable .*rebuilding it from the captured articles, which are unchanged/));
    expect(local().get('captured-index:01')).toMatchObject({ schemaVersion: 2, articles: { [A]: expect.anything(), [A2]: expect.anything() } });
    expect(local().get('captured-index:fe')).toEqual(other);
    // A shard holding an article of another shard is damaged too (it would hide that one's lookups).
    vi.resetModules();
    store = await import('../../../../src/background/capture/store');
    local().set('captured-index:fe', { schemaVersion: 2, articles: { [A]: (local().get('captured-index:01') as { articles: Record<string, unknown> }).articles[A] } });
    expect((await store.listCaptured()).map((s) => s.id).sort()).toEqual([A, A2, B].sort());
  });

  it('writes one shard of the index per capture or delete, not the whole index (cost in proportion to the article)', async () => {
    // Spread over the shards as real ids (SHA-256 prefixes) are.
    const id = (n: number): string => `${((n * 2654435761) >>> 0).toString(16).padStart(8, '0')}${n.toString(16).padStart(8, '0')}`;
    const written = (): number[] => [];
    const area = fake.browser.storage.local;
    const set = area.set.bind(area);
    let bytes = written();
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      bytes.push(JSON.stringify(items).length);
      return set(items);
    });
    // Built as an import would (one call), so the test stays fast.
    await store.restoreManyCaptured(Array.from({ length: 2000 }, (_, i) => capturedArticle(id(i + 1))));
    const indexBytes = [...local()].filter(([key]) => key.startsWith('captured-index:')).reduce((sum, [, value]) => sum + JSON.stringify(value).length, 0);
    bytes = written();
    await store.putCaptured(capturedArticle(id(5000)));
    const record = JSON.stringify(local().get(`captured:${id(5000)}`)).length;
    const perCapture = bytes.reduce((a, b) => a + b, 0);
    // The record, plus one shard of ~2000/256 summaries: far below the index (~600 KB here).
    expect(perCapture).toBeLessThan(record + indexBytes / 32);
    bytes = written();
    await store.deleteCaptured(id(7));
    expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(indexBytes / 32);
    expect((await store.listCaptured()).length).toBe(2000);
    // And the worker does not read the whole index back after its own write.
    const get = vi.spyOn(area, 'get');
    await store.putCaptured(capturedArticle(id(5001)));
    expect(await store.findCapturedByUrlKey(`news.example.org/2025/${id(5001)}.html`)).not.toBeNull();
    const keysRead = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
    expect(keysRead.filter((key) => String(key).startsWith('captured-index:')).length).toBeLessThanOrEqual(1);
  });

  it('splits an index of schema 1 (one key) into shards on the first read, losing no article', async () => {
    local().set(`captured:${A}`, capturedArticle(A));
    local().set(`captured:${B}`, capturedArticle(B));
    const summary = (id: string) => ({ id, url: `https://news.example.org/2025/${id}.html`, key: `news.example.org/2025/${id}.html`, host: 'news.example.org', title: `Article ${id}`, date: '2025-03-14', site: 'Example News', capturedAt: 1_760_000_000_000 });
    local().set('captured-index', { schemaVersion: 1, articles: { [A]: summary(A), [B]: summary(B) } });
    expect((await store.listCaptured()).map((s) => s.id).sort()).toEqual([A, B].sort());
    expect(local().has('captured-index')).toBe(false);
    expect(local().get('captured-index:01')).toMatchObject({ schemaVersion: 2, articles: { [A]: summary(A) } });
    expect(local().get('captured-index:fe')).toMatchObject({ schemaVersion: 2, articles: { [B]: summary(B) } });
    // A delete right after a worker starts on the old layout is not undone by the split.
    local().set('captured-index', { schemaVersion: 1, articles: { [A]: summary(A), [B]: summary(B) } });
    local().delete('captured-index:01');
    local().delete('captured-index:fe');
    vi.resetModules();
    store = await import('../../../../src/background/capture/store');
    await store.deleteCaptured(A);
    expect((await store.listCaptured()).map((s) => s.id)).toEqual([B]);
  });

  it('drops a record set aside as damaged from the index: not listed, not found by its address; listed among damaged records', async () => {
    await store.putCaptured(capturedArticle(A));
    await store.putCaptured(capturedArticle(B));
    local().set(`captured:${A}`, { id: A, title: 42 });
    expect(await store.getCaptured(A)).toBeNull();
    expect((await store.listCaptured()).map((s) => s.id)).toEqual([B]);
    expect(await store.findCapturedByUrlKey(`news.example.org/2025/${A}.html`)).toBeNull();
    expect(local().get('captured-index:01')).toEqual({ schemaVersion: 2, articles: {} });
    const { readQuarantined } = await import('../../../../src/background/notes/store');
    expect(await readQuarantined()).toEqual([expect.objectContaining({ key: `captured:${A}`, reason: expect.stringMatching(/^captured article: /), value: { id: A, title: 42 } })]);
  });

  it('restores many articles (an import) with one write of the index, and on a full disk keeps what was stored', async () => {
    await store.putCaptured(capturedArticle(A, { title: 'Kept' }));
    const many = Array.from({ length: 40 }, (_, i) => capturedArticle(`${i.toString(16).padStart(2, '0')}${'b'.repeat(14)}`));
    const area = fake.browser.storage.local;
    const set = area.set.bind(area);
    const indexWrites: string[][] = [];
    const spy = vi.spyOn(area, 'set').mockImplementation(async (items) => {
      const keys = Object.keys(items).filter((key) => key.startsWith('captured-index:'));
      if (keys.length > 0) indexWrites.push(keys);
      return set(items);
    });
    await store.restoreManyCaptured(many);
    expect(indexWrites).toHaveLength(1);
    expect((await store.listCaptured()).length).toBe(41);
    spy.mockRestore();
    const more = Array.from({ length: 3 }, (_, i) => capturedArticle(`${i.toString(16).padStart(2, '0')}${'c'.repeat(14)}`));
    let writes = 0;
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      if (++writes === 2) throw quotaError(); // the records go in, their index is refused
      return set(items);
    });
    await expect(store.restoreManyCaptured(more)).rejects.toMatchObject({ code: 'storage-full' });
    expect(more.some((a) => local().has(`captured:${a.id}`))).toBe(false);
    expect((await store.listCaptured()).length).toBe(41);
    expect((await store.getCaptured(A))?.title).toBe('Kept');
  });
});
