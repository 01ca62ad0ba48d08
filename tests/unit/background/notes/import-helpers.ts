/** The archive the import tests place annotations on: one article, the Kirby fixture seed. */
import { readFileSync } from 'node:fs';
import type { ArticleLookup } from '../../../../src/background/notes/import-annotations';
import type { ImportFile } from '../../../../src/background/notes/import';
import { articleFullText } from '../../../../src/shared/archive-format';
import { parseSeed } from '../../../../scripts/archive/parse-seed';
import { urlKey } from '../../../../src/shared/url-key';

const parsed = parseSeed('fixture_kirby_strikes.txt', readFileSync('tests/fixtures/seeds/fixture_kirby_strikes.txt', 'utf8'));
if (!parsed.ok) throw new Error('the Kirby fixture seed does not parse');
export const KIRBY = parsed.seed;
export const KIRBY_ID = 'abcdef0123456789';
export const KIRBY_URL = KIRBY.url;
export const KIRBY_TEXT = articleFullText(KIRBY);

/** The archive holding only the Kirby article; `stored` are the highlight ids already stored on it. */
export function fakeLookup(stored: string[] = []): ArticleLookup {
  return {
    articleIdForKey: async (key) => (key === urlKey(KIRBY_URL) ? KIRBY_ID : null),
    entry: async (id) => (id === KIRBY_ID ? { title: KIRBY.title, url: KIRBY_URL } : null),
    text: async (id) => {
      if (id !== KIRBY_ID) throw new Error(`no text for ${id}`);
      return KIRBY_TEXT;
    },
    storedHighlightIds: (id) => (id === KIRBY_ID ? stored : []),
  };
}

export function foreign(file: ImportFile) {
  if (file.kind !== 'annotations') throw new Error('not read as annotations');
  return file.annotations;
}
