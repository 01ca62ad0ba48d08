import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, toAnnotations, toJsonBackup, toMarkdown, toWebAnnotationCollection } from '../../../../src/background/notes/export';
import { noteUuid, recordUuid } from '../../../../src/background/notes/export-ids';
import { mustFailures } from '../../helpers/w3c-schemas';
import { ImportError, parseBackup, planImport, summarize } from '../../../../src/background/notes/import';
import { mergeImported } from '../../../../src/background/notes/merge';
import { placeRecord } from '../../../../src/background/notes/catalog-check';
import type { NotesRecord } from '../../../../src/shared/notes-schema';

const fixture = (name: string): string => readFileSync(`tests/fixtures/backups/${name}`, 'utf8');
const NOW = new Date('2026-11-25T08:30:00Z');
let ids = 0;
const newId = (): string => `new-${++ids}`;

const good = parseBackup(fixture('good-v1.json'));
/** Each record as the catalog would place it, if the catalog had every one of these articles as the file says. */
const asInCatalog = (records: readonly NotesRecord[]) => records.map((r) => placeRecord(r, { title: r.articleTitle, url: r.url }));
const [withNote, highlightsOnly] = good as [NotesRecord, NotesRecord];

describe('JSON backup', () => {
  it('carries its format and schema version, and reads back to the same records', () => {
    const backup = toJsonBackup(good, NOW);
    expect(backup).toMatchObject({ format: 'backstory-notes', schemaVersion: 1, exportedAt: NOW.toISOString() });
    expect(parseBackup(JSON.stringify(backup))).toEqual(good);
  });
});

describe('Markdown export', () => {
  const markdown = toMarkdown(good, NOW);
  it('has a section per article linking to it, with tags, the note as written, and quoted highlights', () => {
    expect(markdown).toContain('## [Iraqi Militias Vow ‘Steadfast’ Holy War](<https://sputnikglobe.com/20240208/iraqi-militias.html>)');
    expect(markdown).toContain('Tags: iraq, militias');
    expect(markdown).toContain('My **note** on the strike.\n\n- first point\n- second point');
    expect(markdown).toContain('> remain steadfast\n\nTheir own words.');
    expect(markdown).toContain('> drone strike in Baghdad');
    expect(markdown).toContain('## [US Launches Strikes in Iraq and Syria]');
  });
  it('escapes Markdown in quotes, so archived text cannot become markup', () => {
    const record = { ...highlightsOnly, highlights: [{ ...highlightsOnly.highlights[0]!, quote: { ...highlightsOnly.highlights[0]!.quote, exact: '*IS* [link](x)' } }] };
    expect(toMarkdown([record], NOW)).toContain('> \\*IS\\* \\[link\\]\\(x\\)');
  });
});

describe('W3C Web Annotation JSON-LD export', () => {
  const context = { archivedOn: (id: string) => (id === withNote.articleId ? '2024-02-08' : null), generator: { name: 'Backstory', version: '0.1.0' }, now: NOW };
  const collection = toWebAnnotationCollection(good, context) as {
    '@context': string;
    id: string;
    type: string;
    total: number;
    first: { id: string; type: string; items: Array<Record<string, unknown>> };
  };
  const items = collection.first.items;
  const byId = (id: string) => items.find((item) => item.id === `urn:uuid:${id}`) as Record<string, any>;

  it('passes every MUST of the W3C Working Group’s test schemas: each annotation, the collection and its page', () => {
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(mustFailures('annotation', item), String(item.id)).toEqual([]);
    expect(mustFailures('collection', collection)).toEqual([]);
    expect(mustFailures('page', collection.first)).toEqual([]);
  });

  it('the schema check can fail: an annotation without a target, or with a bad date, fails its MUST', () => {
    const { target: _target, ...noTarget } = items[0]!;
    expect(mustFailures('annotation', noTarget).join('\n')).toMatch(/3\.1-targetKeyFound/);
    expect(mustFailures('annotation', { ...items[0], created: 'yesterday' }).join('\n')).toMatch(/annotationCreatedValidated/);
    // The article note's target before issue 18 ({ source } alone) is not recognized by the schemas.
    expect(mustFailures('annotation', { ...items[0], target: { source: withNote.url } }).join('\n')).toMatch(/targetObjectsRecognized/);
  });

  it('is an AnnotationCollection with one page holding every annotation', () => {
    expect(collection['@context']).toBe(ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(items).toHaveLength(1 + withNote.highlights.length + highlightsOnly.highlights.length);
    expect(collection.total).toBe(items.length);
  });

  it('names every annotation by a UUID URN, also records whose ids are not UUIDs, the same in every export', () => {
    for (const item of items) expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const again = (toWebAnnotationCollection(good, context) as typeof collection).first.items.map((item) => item.id);
    expect(again).toEqual(items.map((item) => item.id));
    expect(collection.id).toMatch(/^urn:uuid:/);
    // A record whose id is a UUID keeps it.
    const uuid = '0b8e3b4e-2f7a-4c1e-9a55-6d2f1c3b7a90';
    const record = { ...highlightsOnly, highlights: [{ ...highlightsOnly.highlights[0]!, id: uuid }] };
    expect(toAnnotations(record, context).map((item) => item.id)).toContain(`urn:uuid:${uuid}`);
  });

  it('says when: created is the record’s creation, modified its last change, and names its generator', () => {
    const steadfast = byId(recordUuid(withNote.articleId, 'h-steadfast'));
    expect(steadfast.created).toBe(new Date(withNote.highlights[0]!.createdAt).toISOString());
    const written = { ...withNote, note: { ...withNote.note, createdAt: 1_600_000_000_000 } };
    const note = toAnnotations(written, context)[0]!;
    expect([note.created, note.modified]).toEqual([new Date(1_600_000_000_000).toISOString(), new Date(withNote.note.updatedAt).toISOString()]);
    expect(steadfast.generator).toEqual({ type: 'Software', name: 'Backstory 0.1.0' });
  });

  it('targets highlights with both selectors over the archived text, as it was on the archive date (TimeState)', () => {
    const steadfast = byId(recordUuid(withNote.articleId, 'h-steadfast'));
    expect(steadfast.target).toEqual({
      type: 'SpecificResource',
      source: 'https://sputnikglobe.com/20240208/iraqi-militias.html',
      state: { type: 'TimeState', sourceDate: '2024-02-08T00:00:00Z' },
      selector: [
        { type: 'TextQuoteSelector', exact: 'remain steadfast', prefix: 'has vowed to “', suffix: '” in the militia’s' },
        { type: 'TextPositionSelector', start: 500, end: 516 },
      ],
    });
    expect(steadfast.motivation).toBe('commenting');
    expect(steadfast.body).toEqual({ type: 'TextualBody', purpose: 'commenting', value: 'Their own words.', format: 'text/markdown' });
    const bare = byId(recordUuid(withNote.articleId, 'h-baghdad'));
    expect(bare.motivation).toBe('highlighting');
    expect(bare).not.toHaveProperty('body');
  });

  it('exports the article note as a comment with tagging bodies, targeting the archived page (an IRI when not archived here)', () => {
    const note = byId(noteUuid(withNote.articleId));
    expect(note.target).toEqual({ type: 'SpecificResource', source: withNote.url, state: { type: 'TimeState', sourceDate: '2024-02-08T00:00:00Z' } });
    expect(note.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: withNote.note.text, format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'iraq' },
      { type: 'TextualBody', purpose: 'tagging', value: 'militias' },
    ]);
    const elsewhere = toAnnotations({ ...withNote, url: '' }, { ...context, archivedOn: () => null })[0]!;
    expect(elsewhere.target).toBe(`urn:backstory:article:${withNote.articleId}`);
    expect(mustFailures('annotation', elsewhere)).toEqual([]);
  });
});

describe('importing a backup', () => {
  it('reads a good backup', () => {
    expect(good.map((r) => r.articleId)).toEqual(['31f14c63a51e4b00', 'a1b2c3d4e5f60718']);
  });

  it.each<[string, RegExp]>([
    ['malformed-not-json.json', /^the file is not JSON/],
    ['malformed-wrong-format.json', /not a Backstory notes backup: .*format must be "backstory-notes"/],
    ['malformed-future-version.json', /made by a newer version of Backstory \(schema 7\)/],
    ['malformed-bad-record.json', /^record 2 cannot be imported: invalid record: .*highlights\.0\.position\.start/],
    ['malformed-duplicate-article.json', /^record 3 repeats article 31f14c63a51e4b00/],
  ])('refuses %s with an error naming the problem', (name, message) => {
    expect(() => parseBackup(fixture(name))).toThrow(ImportError);
    expect(() => parseBackup(fixture(name))).toThrow(message);
  });

  it('plans to add every article into an empty store', () => {
    const report = summarize(planImport(new Map(), asInCatalog(good), NOW.getTime(), newId));
    expect([report.add, report.update, report.skip]).toEqual([2, 0, 0]);
  });

  it('skips what is already there', () => {
    const existing = new Map(good.map((r) => [r.articleId, r]));
    const report = summarize(planImport(existing, asInCatalog(good), NOW.getTime(), newId));
    expect([report.add, report.update, report.skip]).toEqual([0, 0, 2]);
  });

  it('merges a partial backup without overwriting: new highlights and tags added, differing note kept as a conflict copy', () => {
    const partial = parseBackup(fixture('partial-v1.json'));
    const existing = new Map(good.map((r) => [r.articleId, r]));
    const report = summarize(planImport(existing, asInCatalog(partial), NOW.getTime(), newId));
    expect([report.add, report.update, report.skip]).toEqual([0, 1, 0]);
    expect(report.items[0]?.details).toEqual(['the other note text is kept as a conflict copy', 'tags added: syria', '1 highlight(s) added']);

    const { record } = mergeImported(withNote, partial[0]!, NOW.getTime(), newId);
    expect(record.note.text).toBe(withNote.note.text);
    expect(record.conflicts.map((c) => [c.text, c.origin])).toEqual([['A different note written in another browser.', 'import']]);
    expect(record.note.tags).toEqual(['iraq', 'militias', 'syria']);
    expect(record.highlights.map((h) => h.id)).toEqual(['h-steadfast', 'h-baghdad', 'h-new']);
    // Importing the same file again changes nothing more.
    expect(mergeImported(record, partial[0]!, NOW.getTime(), newId).details).toEqual([]);
  });

  it('keeps both versions of a highlight changed in both places', () => {
    const changed = { ...withNote, highlights: [{ ...withNote.highlights[0]!, note: 'Edited elsewhere.' }] };
    const { record, details } = mergeImported(withNote, changed, NOW.getTime(), newId);
    expect(record.highlights.filter((h) => h.quote.exact === 'remain steadfast').map((h) => h.note)).toEqual(['Their own words.', 'Edited elsewhere.']);
    expect(details).toEqual(['1 changed highlight(s) added beside the existing version']);
  });

  it('fills an empty existing note from the backup', () => {
    const empty = { ...withNote, note: { ...withNote.note, text: '' } };
    const { record } = mergeImported(empty, withNote, NOW.getTime(), newId);
    expect(record.note.text).toBe(withNote.note.text);
    expect(record.conflicts).toEqual([]);
  });
});
