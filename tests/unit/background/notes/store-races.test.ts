/**
 * The notes store when reads and writes of one record overlap: whatever a read finds
 * unreadable is settled (quarantined) only under the record's lock on a fresh read, so a
 * save that lands in between is never deleted; quarantine copies never overwrite each other.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerNextReadLate, fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { ARTICLE_ID, record } from '../../helpers/records';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const { readAllRecords, readQuarantined, readRecord, updateRecord } = await import('../../../../src/background/notes/store');
const { quarantine } = await import('../../../../src/background/storage');

const KEY = `notes:${ARTICLE_ID}`;
const future = { ...record(), schemaVersion: 99 };

beforeEach(() => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

/** Saves `text` as the sidebar does: onto whatever record is there (a fresh one once the damaged one is set aside). */
const saveTyped = (text: string) =>
  updateRecord(ARTICLE_ID, async () => record(), (current) => ({ record: { ...current, note: { ...current.note, text, revision: current.note.revision + 1 } }, result: null }));

describe('an unreadable record repaired by a save while it is being listed', () => {
  it('keeps the save: the listing quarantines only what it reads again under the lock', async () => {
    fake.browser.storage.local.data.set(KEY, future);
    const release = answerNextReadLate(fake.browser.storage.local);
    const listing = readAllRecords(); // has read the unreadable record, answers later
    await saveTyped('typed'); // quarantines the unreadable record itself, then stores "typed"
    release();
    const records = await listing;
    expect(fake.browser.storage.local.data.get(KEY)).toMatchObject({ note: { text: 'typed' } });
    expect(records.map((r) => r.note.text)).toEqual(['typed']);
    const quarantined = await readQuarantined();
    expect(quarantined.map((q) => q.value)).toEqual([future]);
  });

  it('keeps a save that lands between reading a record and quarantining it (notes/get)', async () => {
    fake.browser.storage.local.data.set(KEY, future);
    const area = fake.browser.storage.local;
    const release = answerNextReadLate(area);
    const reading = readRecord(ARTICLE_ID);
    await saveTyped('typed');
    release();
    await reading;
    expect(area.data.get(KEY)).toMatchObject({ note: { text: 'typed' } });
    expect((await readQuarantined()).map((q) => q.value)).toEqual([future]);
  });
});

describe('quarantine', () => {
  it('gives two records set aside in the same millisecond their own keys', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_764_000_000_000);
    fake.browser.storage.local.data.set(KEY, future);
    await quarantine('local', KEY, future, 'first');
    fake.browser.storage.local.data.set(KEY, { ...future, schemaVersion: 98 });
    await quarantine('local', KEY, { ...future, schemaVersion: 98 }, 'second');
    expect((await readQuarantined()).map((q) => q.reason).sort()).toEqual(['first', 'second']);
  });

  it('does not remove the key when it no longer holds the value set aside', async () => {
    fake.browser.storage.local.data.set(KEY, record({ note: { text: 'repaired', tags: [], revision: 1, updatedAt: 0 } }));
    await quarantine('local', KEY, future, 'stale');
    expect(fake.browser.storage.local.data.get(KEY)).toMatchObject({ note: { text: 'repaired' } });
    expect((await readQuarantined()).map((q) => q.value)).toEqual([future]);
  });
});

describe('a write whose revision number the record reached again', () => {
  it('is merged or kept as a conflict copy, not written over the record made anew', async () => {
    const { applyNoteWrite } = await import('../../../../src/background/notes/conflict');
    // The tab saw revision 1 of the record that was later quarantined; the new record is at revision 1 too.
    const renewed = record({ note: { text: 'saved in another tab', tags: [], revision: 1, updatedAt: 0 } });
    const { record: stored, status } = applyNoteWrite(renewed, { text: 'old text\nand more', tags: [], baseRevision: 1, baseText: 'old text' }, 5, () => 'copy-1');
    expect(status).not.toBe('saved');
    expect(stored.note.text).toContain('saved in another tab');
    expect([stored.note.text, ...stored.conflicts.map((c) => c.text)].join('\n')).toContain('and more');
  });
});

describe('a record synced in from another browser', () => {
  const synced = (base?: string) => ({ deviceId: 'other-browser', record: record({ note: { text: 'theirs', tags: [], revision: 4, updatedAt: 0 } }), base });
  beforeEach(() => {
    fake.browser.storage.local.data.set('notesSync', { schemaVersion: 1, enabled: true, error: null, deviceId: 'this-browser' });
    fake.browser.storage.local.data.set('notesSyncBase', { [ARTICLE_ID]: 'what we pushed last' });
  });

  it('is merged against the text last exchanged only when that browser had that text too', async () => {
    const { readSyncedFromOthers, textDigest } = await import('../../../../src/background/notes/sync');
    expect((await readSyncedFromOthers([synced(textDigest('what we pushed last'))]))[0]?.base).toBe('what we pushed last');
    // It never saw what we pushed last: a three-way merge against it would take its text as an edit of ours.
    expect((await readSyncedFromOthers([synced(textDigest('an older text'))]))[0]?.base).toBeUndefined();
    expect((await readSyncedFromOthers([synced()]))[0]?.base).toBeUndefined();
  });
});
