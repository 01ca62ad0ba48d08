/**
 * The Markdown folder export (Obsidian / Logseq): one file per article in a zip, YAML
 * front matter that a YAML parser reads back to the same values whatever the title holds,
 * and file names every OS accepts.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleMarkdown, markdownFiles, markdownZip, safeFileStem, yamlString, type ArticleFacts } from '../../../../src/background/notes/export-markdown';
import { emptyRecord, type NotesRecord } from '../../../../src/shared/notes-schema';

const facts: ArticleFacts = {
  title: 'Iraqi Militias Vow ‘Steadfast’ Holy War: "Part 1"',
  url: 'https://sputnikglobe.com/20240208/iraqi-militias.html',
  date: '2024-02-08',
  site: 'sputnikglobe.com',
  entities: ['Kataib Hezbollah', 'Baghdad'],
};
const record: NotesRecord = {
  ...emptyRecord('31f14c63a51e4b00', facts.title, facts.url, 0),
  note: { text: 'My **note**.\n\n- a point', tags: ['iraq', 'needs: review'], revision: 1, updatedAt: 1_700_000_000_000 },
  highlights: [
    {
      id: 'h1',
      createdAt: 0,
      updatedAt: 0,
      note: 'Their own *words*.',
      quote: { type: 'TextQuoteSelector', exact: 'remain [steadfast]', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 10, end: 28 },
    },
  ],
};

const frontMatter = (markdown: string): unknown => load(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!);

describe('a Markdown file per article', () => {
  const markdown = articleMarkdown(record, facts);

  it('starts with YAML front matter: title, url, archived date, site, tags, entities', () => {
    expect(frontMatter(markdown)).toEqual({
      title: facts.title,
      url: facts.url,
      archived: '2024-02-08',
      site: 'sputnikglobe.com',
      tags: ['iraq', 'needs: review'],
      entities: ['Kataib Hezbollah', 'Baghdad'],
    });
  });

  it('then links back to the article, gives the note as written and each highlight as a quote with its note', () => {
    expect(markdown).toContain(`[Original article](<${facts.url}>)`);
    expect(markdown).toContain('My **note**.\n\n- a point');
    expect(markdown).toContain('> remain \\[steadfast\\]\n\nTheir own *words*.');
  });

  it('escapes YAML so that no title can end the value or the front matter (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 4 }), (title, tags) => {
        const parsed = frontMatter(articleMarkdown({ ...record, note: { ...record.note, tags } }, { ...facts, title })) as Record<string, unknown>;
        expect(parsed.title).toBe(title);
        expect(parsed.tags).toEqual(tags);
      }),
      { numRuns: 300 },
    );
    expect(yamlString('a"b\\c\n---\u2028')).toBe('"a\\"b\\\\c\\n---\\u2028"');
  });

  it('names no address for an article this archive does not have', () => {
    const other = articleMarkdown({ ...record, url: 'javascript:alert(1)' }, null);
    expect(other).not.toContain('javascript:');
    expect(frontMatter(other)).toMatchObject({ in_archive: false, article_id: record.articleId });
  });
});

describe('file names', () => {
  it.each<[string, string]>([
    ['A: B / C? <D> | "E" *F*', 'A B C D E F'],
    ['CON', 'CON (note)'],
    ['lpt1.txt', 'lpt1.txt (note)'],
    ['...hidden', 'hidden'],
    ['ends with dots...  ', 'ends with dots'],
    ['', 'fallback'],
    ['\u0000\u0007\u202e', 'fallback'],
    ['Cafe\u0301 [[link]] #tag ^block', 'Café link tag block'],
  ])('%j → %j', (title, stem) => {
    expect(safeFileStem(title, 'fallback')).toBe(stem);
  });

  it('are short enough for every file system, and never refused (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const stem = safeFileStem(title, 'x');
        expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(120);
        expect(stem).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|^[. ]|[. ]$/);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(stem.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('stay unique where case is ignored', () => {
    const files = markdownFiles([
      { record, article: { ...facts, title: 'Same' } },
      { record: { ...record, articleId: 'a1b2c3d4e5f60718' }, article: { ...facts, title: 'SAME' } },
    ]);
    expect(files.map((file) => file.name)).toEqual(['Same.md', 'SAME (a1b2c3d4e5f60718).md']);
  });
});

describe('the zip', () => {
  it('opens as a folder of notes', () => {
    const files = markdownFiles([{ record, article: facts }, { record: { ...record, articleId: 'a1b2c3d4e5f60718' }, article: { ...facts, title: 'Ünïcode “title”' } }]);
    const unzipped = unzipSync(markdownZip(files, 'backstory-notes-2026-12-01', new Date('2026-12-01T12:00:00Z')));
    expect(Object.keys(unzipped).sort()).toEqual([
      'backstory-notes-2026-12-01/Iraqi Militias Vow ‘Steadfast’ Holy War Part 1.md',
      'backstory-notes-2026-12-01/Ünïcode “title”.md',
    ]);
    expect(strFromU8(unzipped['backstory-notes-2026-12-01/Ünïcode “title”.md']!)).toBe(files[1]!.text);
  });
});
