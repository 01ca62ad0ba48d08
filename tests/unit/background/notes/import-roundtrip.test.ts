/**
 * Backstory's own Web Annotation export round-trips: export → import into a fresh profile
 * → export gives the same annotations (notes, tags, highlights with both selectors, dates,
 * ids), and importing it back into the profile it came from changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { toWebAnnotationCollection } from '../../../../src/background/notes/export';
import { planImport, readImportFile, summarize } from '../../../../src/background/notes/import';
import { recordsFromAnnotations } from '../../../../src/background/notes/import-annotations';
import { mergeImported } from '../../../../src/background/notes/merge';
import { placeRecord } from '../../../../src/background/notes/catalog-check';
import { describeRange } from '../../../../src/shared/notes-anchor';
import { emptyRecord, type NotesRecord } from '../../../../src/shared/notes-schema';
import { KIRBY, KIRBY_ID, KIRBY_TEXT, KIRBY_URL, fakeLookup } from './import-helpers';

const NOW = new Date('2026-12-01T12:00:00Z');
const context = { archivedOn: (id: string) => (id === KIRBY_ID ? KIRBY.date : null), generator: { name: 'Backstory', version: '0.1.0' }, now: NOW };

function highlight(id: string, words: string, note: string, createdAt: number) {
  const start = KIRBY_TEXT.indexOf(words);
  return { id, createdAt, updatedAt: createdAt + 60_000, note, ...describeRange(KIRBY_TEXT, start, start + words.length) };
}

const archived: NotesRecord = {
  ...emptyRecord(KIRBY_ID, KIRBY.title, KIRBY_URL, 0),
  note: { text: 'My **note**, with *Markdown*.\n\n- one\n- two', tags: ['strikes', 'iraq'], revision: 4, updatedAt: 1_700_000_900_000, createdAt: 1_700_000_000_000 },
  highlights: [
    // An id from before ids were UUIDs, and a UUID one.
    highlight('h-depots', 'weapons depots', 'Which depots?', 1_700_000_100_000),
    highlight('5a0c6f1e-8b2d-4c3a-9e7f-1d2c3b4a5f60', 'a claim he later withdrew', '', 1_700_000_200_000),
  ],
  updatedAt: 1_700_000_900_000,
};
/** A note on an article this archive does not have (kept, as backups keep it). */
const elsewhere: NotesRecord = {
  ...emptyRecord('00000000deadbeef', '', '', 0),
  note: { text: 'Kept from another archive.', tags: [], revision: 1, updatedAt: 1_700_000_300_000, createdAt: 1_700_000_300_000 },
  updatedAt: 1_700_000_300_000,
};

const annotationsOf = (records: readonly NotesRecord[]) =>
  ((toWebAnnotationCollection(records, context) as { first: { items: Array<Record<string, unknown>> } }).first.items);

/** What importing `content` stores into `store` (by article id), as the notes/import handler merges it. */
async function importInto(content: string, store: Map<string, NotesRecord>) {
  const file = readImportFile(content);
  if (file.kind !== 'annotations') throw new Error('not read as annotations');
  const { records, tally } = await recordsFromAnnotations(file.annotations, file.format, fakeLookup(store.get(KIRBY_ID)?.highlights.map((h) => h.id)));
  const incoming = records.map((record) => placeRecord(record, record.articleId === KIRBY_ID ? { title: KIRBY.title, url: KIRBY_URL } : null));
  const report = summarize(planImport(store, incoming, NOW.getTime(), () => 'new-id'), tally);
  for (const { record } of incoming) {
    const base = store.get(record.articleId) ?? { ...record, highlights: [], conflicts: [], note: { ...record.note, text: '', tags: [] } };
    store.set(record.articleId, mergeImported(base, record, NOW.getTime(), () => 'new-id').record);
  }
  return report;
}

describe('round trip of the Web Annotation export', () => {
  const content = JSON.stringify(toWebAnnotationCollection([archived, elsewhere], context));

  it('export → import into a fresh profile → export gives the same annotations', async () => {
    const fresh = new Map<string, NotesRecord>();
    const report = await importInto(content, fresh);
    expect(report.found).toMatchObject({ highlights: 2, notes: 2, articles: 1, skippedCount: 0 });
    expect([report.add, report.update, report.skip, report.notInArchive]).toEqual([2, 0, 0, 1]);
    expect(annotationsOf([...fresh.values()])).toEqual(annotationsOf([archived, elsewhere]));
  });

  it('keeps notes, tags, both selectors, dates and ids', async () => {
    const fresh = new Map<string, NotesRecord>();
    await importInto(content, fresh);
    const back = fresh.get(KIRBY_ID)!;
    expect(back.note).toMatchObject({ text: archived.note.text, tags: archived.note.tags, updatedAt: archived.note.updatedAt, createdAt: archived.note.createdAt });
    expect(back.highlights.map(({ id: _id, ...rest }) => rest)).toEqual(archived.highlights.map(({ id: _id, ...rest }) => rest));
    // The UUID id is kept as it is; the older id comes back as the UUID it was exported under.
    expect(back.highlights[1]!.id).toBe(archived.highlights[1]!.id);
    expect(back.highlights[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.get(elsewhere.articleId)!.note.text).toBe(elsewhere.note.text);
  });

  it('importing it into the profile it came from changes nothing, and a newer local note is kept (the other as a conflict copy)', async () => {
    const same = new Map([[KIRBY_ID, archived], [elsewhere.articleId, elsewhere]]);
    const report = await importInto(content, same);
    expect([report.add, report.update, report.skip]).toEqual([0, 0, 2]);
    expect(same.get(KIRBY_ID)).toEqual(archived);

    const edited = { ...archived, note: { ...archived.note, text: 'Rewritten since the export.', revision: 9, updatedAt: 1_800_000_000_000 } };
    const local = new Map([[KIRBY_ID, edited]]);
    const again = await importInto(content, local);
    expect(again.items.find((item) => item.articleId === KIRBY_ID)?.details).toEqual(['the other note text is kept as a conflict copy']);
    expect(local.get(KIRBY_ID)!.note.text).toBe('Rewritten since the export.');
    expect(local.get(KIRBY_ID)!.conflicts.map((c) => [c.text, c.origin])).toEqual([[archived.note.text, 'import']]);
    expect(local.get(KIRBY_ID)!.highlights.map((h) => h.id)).toEqual(archived.highlights.map((h) => h.id));
  });
});
