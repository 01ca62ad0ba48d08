/**
 * The notes store and the worker's notes handlers over an in-memory storage: versioned
 * records, migrations, quarantine of unreadable records, conflicts, storage failures.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { ARTICLE_ID, OTHER_ARTICLE_ID, highlight, record } from '../../helpers/records';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));

const { notesHandlers } = await import('../../../../src/background/notes/handlers');
const { readAllRecords, readQuarantined, readRecord, updateRecord } = await import('../../../../src/background/notes/store');
import { EXTENSION_PAGE } from '../../helpers/senders';
import { catalogArchiveFetch } from '../../helpers/packed-archive';

const popup = EXTENSION_PAGE;
const CATALOG = { id: ARTICLE_ID, url: 'https://sputnikglobe.com/20240208/article.html', title: 'Iraqi Militias Vow', date: '2024-02-08', host: 'sputnikglobe.com' };

beforeEach(() => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal(
    'fetch',
    catalogArchiveFetch({ [ARTICLE_ID]: CATALOG }),
  );
});

const local = () => fake.browser.storage.local.data;
const save = (text: string, baseRevision: number, baseText: string) =>
  notesHandlers['notes/save-note']({ articleId: ARTICLE_ID, text, tags: [], baseRevision, baseText }, popup);

describe('the notes store', () => {
  it('stores one versioned record per article, with the title and URL from the catalog', async () => {
    const { status, record: stored } = await save('A note.', 0, '');
    expect(status).toBe('saved');
    expect(local().get(`notes:${ARTICLE_ID}`)).toEqual(stored);
    expect(stored).toMatchObject({ schemaVersion: 1, articleId: ARTICLE_ID, articleTitle: CATALOG.title, url: CATALOG.url, note: { text: 'A note.', revision: 1 } });
    expect(await readRecord(ARTICLE_ID)).toEqual(stored);
  });

  it('answers an article with nothing stored with an empty record stamped 0, older than any stored change', async () => {
    // A sidebar orders records by that stamp: an answer that found nothing, arriving after
    // the record a save stored meanwhile, must not replace it.
    const empty = await notesHandlers['notes/get']({ articleId: ARTICLE_ID }, popup);
    expect(empty).toMatchObject({ updatedAt: 0, note: { text: '', revision: 0 }, highlights: [] });
    expect(local().size).toBe(0);
    const { record: stored } = await save('A note.', 0, '');
    expect(stored.updatedAt).toBeGreaterThan(empty.updatedAt);
  });

  it('refuses notes for an article that is not in the archive, storing nothing', async () => {
    await expect(notesHandlers['notes/get']({ articleId: OTHER_ARTICLE_ID }, popup)).rejects.toThrow(/not in the archive/);
    expect(local().size).toBe(0);
  });

  it('quarantines a record from a newer version or with wrong types, keeping it intact, and reports it', async () => {
    const future = { ...record(), schemaVersion: 99, newField: true };
    const broken = { ...record({}, OTHER_ARTICLE_ID), note: { text: 42 } };
    local().set(`notes:${ARTICLE_ID}`, future);
    local().set(`notes:${OTHER_ARTICLE_ID}`, broken);
    expect(await readAllRecords()).toEqual([]);
    const quarantined = await readQuarantined();
    expect(quarantined.map((q) => q.key).sort()).toEqual([`notes:${ARTICLE_ID}`, `notes:${OTHER_ARTICLE_ID}`]);
    expect(quarantined.find((q) => q.key === `notes:${ARTICLE_ID}`)?.value).toEqual(future);
    expect(quarantined.find((q) => q.key === `notes:${ARTICLE_ID}`)?.reason).toMatch(/newer than this version/);
    expect(quarantined.find((q) => q.key === `notes:${OTHER_ARTICLE_ID}`)?.value).toEqual(broken);
    const list = await notesHandlers['notes/list']({}, popup);
    expect(list.quarantined).toHaveLength(2);
  });

  it('serializes concurrent writes to one article, so none is lost', async () => {
    await Promise.all(
      ['one', 'two', 'three'].map((id, index) =>
        notesHandlers['notes/add-highlight']({ articleId: ARTICLE_ID, highlight: { ...highlight(id, `quote ${id}`, index * 20), createdAt: undefined } }, popup),
      ),
    );
    expect((await readRecord(ARTICLE_ID))?.highlights.map((h) => h.id).sort()).toEqual(['one', 'three', 'two']);
  });

  it('rejects when the browser refuses the write, and keeps the stored record as it was', async () => {
    await save('Saved first.', 0, '');
    fake.browser.storage.local.failWith = new Error('QUOTA_BYTES quota exceeded');
    await expect(save('Saved first. Then more.', 1, 'Saved first.')).rejects.toThrow('QUOTA_BYTES quota exceeded');
    expect((await readRecord(ARTICLE_ID))?.note).toMatchObject({ text: 'Saved first.', revision: 1 });
    // Retrying the same write (same base) then works.
    expect((await save('Saved first. Then more.', 1, 'Saved first.')).status).toBe('saved');
  });

  it('announces each change to extension pages with the article id and revision only', async () => {
    await save('Hello.', 0, '');
    expect(fake.browser.sent).toEqual([{ channel: 'backstory/1', type: 'notes/changed', payload: { articleId: ARTICLE_ID, revision: 1 } }]);
  });

  describe('a change that changes nothing, while the clock moves on every read', () => {
    // Each call of Date.now a millisecond later: the new record's stamp and the change's differ.
    beforeEach(() => {
      let clock = Date.now();
      vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1));
    });
    afterEach(() => vi.restoreAllMocks());

    it('is not written or announced for an article with nothing stored', async () => {
      await notesHandlers['notes/delete-highlight']({ articleId: ARTICLE_ID, id: 'none' }, popup);
      expect(local().size).toBe(0);
      expect(fake.browser.sent).toEqual([]);
    });

    it('leaves a stored record as it was, unannounced', async () => {
      await notesHandlers['notes/add-highlight']({ articleId: ARTICLE_ID, highlight: { ...highlight('kept', 'quote', 0), createdAt: undefined } }, popup);
      const stored = local().get(`notes:${ARTICLE_ID}`);
      fake.browser.sent.length = 0;
      await notesHandlers['notes/delete-highlight']({ articleId: ARTICLE_ID, id: 'none' }, popup);
      await notesHandlers['notes/dismiss-conflict']({ articleId: ARTICLE_ID, conflictId: 'none' }, popup);
      expect(local().get(`notes:${ARTICLE_ID}`)).toEqual(stored);
      expect(fake.browser.sent).toEqual([]);
    });
  });
});

describe('concurrent note writes', () => {
  it('merges a write based on an older revision when the edits do not overlap', async () => {
    await save('one\ntwo', 0, '');
    await save('one, from A\ntwo', 1, 'one\ntwo');
    const { status, record: stored } = await save('one\ntwo, from B', 1, 'one\ntwo');
    expect(status).toBe('merged');
    expect(stored.note).toMatchObject({ text: 'one, from A\ntwo, from B', revision: 3 });
    expect(stored.conflicts).toEqual([]);
  });

  it('keeps a conflicting write as a conflict copy, never dropping it', async () => {
    await save('original', 0, '');
    await save('changed by A', 1, 'original');
    const { status, record: stored } = await save('changed by B', 1, 'original');
    expect(status).toBe('conflict');
    expect(stored.note.text).toBe('changed by A');
    expect(stored.conflicts.map((c) => [c.text, c.origin])).toEqual([['changed by B', 'concurrent-edit']]);
    const dismissed = await notesHandlers['notes/dismiss-conflict']({ articleId: ARTICLE_ID, conflictId: stored.conflicts[0]?.id ?? '' }, popup);
    expect(dismissed.conflicts).toEqual([]);
  });

  it('treats a retried write whose answer was lost as the same write', async () => {
    await save('draft', 0, '');
    await save('draft and more', 1, 'draft'); // stored, but say the answer never arrived
    const { status, record: stored } = await save('draft and more still', 1, 'draft');
    expect(status).toBe('merged');
    expect(stored.note.text).toBe('draft and more still');
  });
});

describe('updateRecord', () => {
  it('creates no record when a change needs none', async () => {
    const result = await updateRecord(ARTICLE_ID, async () => record(), (current) => ({ record: current, result: 1 }));
    expect(result.changed).toBe(false);
    expect(local().size).toBe(0);
  });
});

describe('notes/import through the worker', () => {
  const fixture = (name: string): string => readFileSync(`tests/fixtures/backups/${name}`, 'utf8');

  it('previews without writing, then applies, and reports what it added, updated and skipped', async () => {
    await save('My own note.', 0, '');
    const before = structuredClone([...local().entries()]);
    const preview = await notesHandlers['notes/import']({ content: fixture('good-v1.json'), apply: false }, popup);
    expect([preview.add, preview.update, preview.skip, preview.applied]).toEqual([1, 1, 0, false]);
    expect([...local().entries()]).toEqual(before);

    const applied = await notesHandlers['notes/import']({ content: fixture('good-v1.json'), apply: true }, popup);
    expect([applied.add, applied.update, applied.skip, applied.applied]).toEqual([1, 1, 0, true]);
    const mine = await readRecord(ARTICLE_ID);
    expect(mine?.note.text).toBe('My own note.');
    expect(mine?.conflicts.map((c) => c.text)).toEqual(['My **note** on the strike.\n\n- first point\n- second point']);
    expect(mine?.highlights.map((h) => h.id)).toEqual(['h-steadfast', 'h-baghdad']);
    expect((await readRecord(OTHER_ARTICLE_ID))?.highlights.map((h) => h.id)).toEqual(['h-kirby']);

    const again = await notesHandlers['notes/import']({ content: fixture('good-v1.json'), apply: true }, popup);
    expect([again.add, again.update, again.skip]).toEqual([0, 0, 2]);
  });

  it('changes nothing when the file is malformed', async () => {
    await save('Keep me.', 0, '');
    const before = structuredClone([...local().entries()]);
    await expect(notesHandlers['notes/import']({ content: fixture('malformed-bad-record.json'), apply: true }, popup)).rejects.toThrow(/record 2 cannot be imported/);
    expect([...local().entries()]).toEqual(before);
  });
});
