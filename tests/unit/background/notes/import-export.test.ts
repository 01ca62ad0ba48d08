import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONTEXT, toJsonBackup, toMarkdown, toWebAnnotationCollection } from '../../../../src/background/notes/export';
import { ImportError, mergeImported, parseBackup, planImport, summarize } from '../../../../src/background/notes/import';
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
  const collection = toWebAnnotationCollection(good, NOW) as {
    '@context': string;
    id: string;
    type: string;
    total: number;
    first: { id: string; type: string; items: Array<Record<string, unknown>> };
  };
  const items = collection.first.items;

  it('is an AnnotationCollection with its required fields and one page holding every annotation', () => {
    expect(collection['@context']).toBe(ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(/^[a-z][a-z0-9+.-]*:/);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.id).toMatch(/^[a-z][a-z0-9+.-]*:/);
    // One for the article note, one per highlight.
    expect(items).toHaveLength(1 + withNote.highlights.length + highlightsOnly.highlights.length);
    expect(collection.total).toBe(items.length);
  });

  it('gives every annotation the model’s required fields: @context, an IRI id, type Annotation, a target', () => {
    for (const item of items) {
      expect(item['@context']).toBe(ANNOTATION_CONTEXT);
      expect(item.id).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
      expect(item.type).toBe('Annotation');
      expect(item.target).toBeDefined();
      expect(['commenting', 'highlighting']).toContain(item.motivation);
      expect(Date.parse(String(item.created))).not.toBeNaN();
    }
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('targets highlights with a TextQuoteSelector and a TextPositionSelector on the article URL', () => {
    const steadfast = items.find((item) => item.id === 'urn:uuid:h-steadfast') as { target: { source: string; selector: Array<Record<string, unknown>> }; body: Record<string, unknown>; motivation: string };
    expect(steadfast.target.source).toBe('https://sputnikglobe.com/20240208/iraqi-militias.html');
    expect(steadfast.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'remain steadfast', prefix: 'has vowed to “', suffix: '” in the militia’s' },
      { type: 'TextPositionSelector', start: 500, end: 516 },
    ]);
    expect(steadfast.motivation).toBe('commenting');
    expect(steadfast.body).toEqual({ type: 'TextualBody', purpose: 'commenting', value: 'Their own words.', format: 'text/markdown' });
    const bare = items.find((item) => item.id === 'urn:uuid:h-baghdad');
    expect(bare?.motivation).toBe('highlighting');
    expect(bare).not.toHaveProperty('body');
  });

  it('exports the article note as a comment with its tags as tagging bodies', () => {
    const note = items.find((item) => item.id === `urn:backstory:note:${withNote.articleId}`) as { body: unknown[]; target: unknown };
    expect(note.target).toEqual({ source: withNote.url });
    expect(note.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: withNote.note.text, format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'iraq' },
      { type: 'TextualBody', purpose: 'tagging', value: 'militias' },
    ]);
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
