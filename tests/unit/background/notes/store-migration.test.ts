/**
 * What the store does with a record of an older schema, under a made-up next schema
 * (tests/unit/helpers/next-schema.ts): it migrates it, writes it back, and the write-back
 * never overwrites a save made meanwhile.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerNextReadLate, fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { NEXT_VERSION, nextMigrations, nextSchema, previousShape } from '../../helpers/next-schema';
import { ARTICLE_ID, OTHER_ARTICLE_ID, record as v1Record } from '../../helpers/records';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));
vi.mock('../../../../src/shared/notes-schema', (importOriginal) => nextSchema(importOriginal));
vi.mock('../../../../src/background/notes/migrations', (importOriginal) => nextMigrations(importOriginal));

const { readAllRecords, readQuarantined, readRecord, updateRecord } = await import('../../../../src/background/notes/store');

const KEY = `notes:${ARTICLE_ID}`;
/** A record of the current (next) version. */
const current = (text: string, articleId = ARTICLE_ID) =>
  ({ ...v1Record({ note: { text, tags: ['iraq'], revision: 3, updatedAt: 5 } }, articleId), schemaVersion: NEXT_VERSION }) as unknown as ReturnType<typeof v1Record>;

beforeEach(() => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('a record stored by the previous version', () => {
  it('writes back a record it had to migrate', async () => {
    fake.browser.storage.local.data.set(KEY, previousShape(current('old note')));
    fake.browser.storage.local.data.set(`notes:${OTHER_ARTICLE_ID}`, previousShape(current('other', OTHER_ARTICLE_ID)));
    const read = await readRecord(ARTICLE_ID);
    expect(read).toEqual(current('old note'));
    expect(fake.browser.storage.local.data.get(KEY)).toEqual(current('old note'));
    await readAllRecords();
    expect(fake.browser.storage.local.data.get(`notes:${OTHER_ARTICLE_ID}`)).toEqual(current('other', OTHER_ARTICLE_ID));
    expect(await readQuarantined()).toEqual([]);
  });

  it('migrates before a change is applied, and stores the change on the migrated record', async () => {
    fake.browser.storage.local.data.set(KEY, previousShape(current('old note')));
    const { record } = await updateRecord(ARTICLE_ID, async () => current(''), (stored) => ({
      record: { ...stored, note: { ...stored.note, text: `${stored.note.text} and more`, revision: stored.note.revision + 1 } },
      result: null,
    }));
    expect(record.note).toMatchObject({ text: 'old note and more', tags: ['iraq'], revision: 4 });
    expect(fake.browser.storage.local.data.get(KEY)).toEqual(record);
  });

  it('never writes the migrated old copy over a save made after it was read', async () => {
    fake.browser.storage.local.data.set(KEY, previousShape(current('old note')));
    const area = fake.browser.storage.local;
    const release = answerNextReadLate(area);
    const listing = readAllRecords(); // read the old record; answers after the save
    await updateRecord(ARTICLE_ID, async () => current(''), (stored) => ({
      record: { ...stored, note: { ...stored.note, text: 'saved meanwhile', revision: stored.note.revision + 1 } },
      result: null,
    }));
    release();
    expect((await listing).map((r) => r.note.text)).toEqual(['saved meanwhile']);
    expect(area.data.get(KEY)).toMatchObject({ schemaVersion: NEXT_VERSION, note: { text: 'saved meanwhile', tags: ['iraq'] } });
  });
});
