/** Notes records for tests. */
import { emptyRecord, type Highlight, type NotesRecord } from '../../../src/shared/notes-schema';

export const ARTICLE_ID = '31f14c63a51e4b00';
export const OTHER_ARTICLE_ID = 'a1b2c3d4e5f60718';

export function highlight(id: string, exact: string, start: number, note = ''): Highlight {
  return {
    id,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    note,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  };
}

export function record(overrides: Partial<NotesRecord> = {}, articleId = ARTICLE_ID): NotesRecord {
  return {
    ...emptyRecord(articleId, 'Iraqi Militias Vow', `https://sputnikglobe.com/${articleId}.html`, 1_700_000_000_000),
    ...overrides,
  };
}
