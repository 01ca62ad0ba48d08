import { describe, expect, it, vi } from 'vitest';
vi.mock('../../../../src/shared/browser', () => ({ browser: {}, t: (key: string) => key }));

import { searchNotes } from '../../../../src/background/notes/search';
import { SYNC_ITEM_QUOTA, SYNC_TOTAL_QUOTA, planSync, syncBytes } from '../../../../src/background/notes/sync';
import type { NotesRecord } from '../../../../src/shared/notes-schema';
import { ARTICLE_ID, OTHER_ARTICLE_ID, highlight, record } from '../../helpers/records';

const older = record({ note: { text: 'Kirby backtracked on Baghdad', tags: ['pentagon'], revision: 2, updatedAt: 100 }, updatedAt: 100 }, OTHER_ARTICLE_ID);
const newer = record({
  note: { text: 'Militia vows holy war', tags: [], revision: 1, updatedAt: 300 },
  highlights: [{ ...highlight('h1', 'remain steadfast', 10, 'their words'), updatedAt: 200 }],
  updatedAt: 300,
});

describe('notes/search', () => {
  it('lists the most recent notes and highlights for an empty query', () => {
    expect(searchNotes([older, newer], '', 10).map((r) => [r.kind, r.updatedAt])).toEqual([
      ['note', 300],
      ['highlight', 200],
      ['note', 100],
    ]);
    expect(searchNotes([older, newer], '', 2)).toHaveLength(2);
  });

  it('matches every word, case-insensitively, in text, tags and highlight notes', () => {
    expect(searchNotes([older, newer], 'KIRBY baghdad', 10).map((r) => r.articleId)).toEqual([OTHER_ARTICLE_ID]);
    expect(searchNotes([older, newer], 'pentagon', 10).map((r) => r.kind)).toEqual(['note']);
    const [hit] = searchNotes([older, newer], 'their words', 10);
    expect(hit).toEqual({
      articleId: ARTICLE_ID,
      articleTitle: newer.articleTitle,
      url: newer.url,
      kind: 'highlight',
      text: '“remain steadfast” — their words',
      updatedAt: 200,
    });
    expect(searchNotes([older, newer], 'nothing like this', 10)).toEqual([]);
  });

  it('cuts long notes to a snippet around the match', () => {
    const long = record({ note: { text: `${'filler '.repeat(100)}needle ${'tail '.repeat(100)}`, tags: [], revision: 1, updatedAt: 1 } });
    const [hit] = searchNotes([long], 'needle', 5);
    expect(hit?.text.length).toBeLessThan(300);
    expect(hit?.text).toContain('needle');
  });
});

describe('planSync', () => {
  const withNote = (id: string, length: number, updatedAt: number): NotesRecord =>
    record({ note: { text: 'x'.repeat(length), tags: [], revision: 1, updatedAt }, updatedAt }, id);

  it('syncs records that fit, newest first, and lists the others with why', () => {
    const small = withNote(ARTICLE_ID, 100, 2);
    const huge = withNote(OTHER_ARTICLE_ID, SYNC_ITEM_QUOTA, 1);
    const plan = planSync([huge, small]);
    expect(Object.keys(plan.items)).toEqual([`n:${ARTICLE_ID}`]);
    expect(plan.notSynced).toEqual([{ articleId: OTHER_ARTICLE_ID, articleTitle: huge.articleTitle, reason: 'too-large', bytes: syncBytes(`n:${OTHER_ARTICLE_ID}`, { deviceId: '', record: huge }) }]);
  });

  it('stops at the total quota', () => {
    const records = Array.from({ length: 20 }, (_, i) => withNote(i.toString(16).padStart(16, '0'), 7000, 100 - i));
    const plan = planSync(records);
    const synced = Object.entries(plan.items);
    expect(synced.reduce((sum, [key, value]) => sum + syncBytes(key, value), 0)).toBeLessThanOrEqual(SYNC_TOTAL_QUOTA);
    expect(synced.length).toBeGreaterThan(10);
    expect(plan.notSynced.every((item) => item.reason === 'total-quota')).toBe(true);
    expect(synced.length + plan.notSynced.length).toBe(20);
    // The newest are the ones synced.
    expect(synced.map(([key]) => key)).toContain(`n:${'0'.padStart(16, '0')}`);
  });
});

describe('mergeSynced (a record from another browser)', () => {
  let ids = 0;
  const newId = (): string => `sync-${++ids}`;
  const withText = (text: string, extra: Partial<NotesRecord> = {}): NotesRecord =>
    record({ note: { text, tags: [], revision: 4, updatedAt: 10 }, updatedAt: 10, ...extra });

  it('takes the other browser’s edit when this one did not change the note since the last exchange', async () => {
    const { mergeSynced } = await import('../../../../src/background/notes/sync');
    const merged = mergeSynced(withText('shared'), withText('shared, edited elsewhere'), 'shared', 99, newId);
    expect(merged.note).toMatchObject({ text: 'shared, edited elsewhere', revision: 5, updatedAt: 99 });
  });

  it('merges edits made in both browsers, or keeps the other as a conflict copy', async () => {
    const { mergeSynced } = await import('../../../../src/background/notes/sync');
    expect(mergeSynced(withText('A\nB'), withText('A\nB!'), 'A\nB', 99, newId).note.text).toBe('A\nB!');
    expect(mergeSynced(withText('one here\ntwo'), withText('one\ntwo there'), 'one\ntwo', 99, newId).note.text).toBe('one here\ntwo there');
    const conflicted = mergeSynced(withText('mine'), withText('theirs'), 'base', 99, newId);
    expect(conflicted.note.text).toBe('mine');
    expect(conflicted.conflicts.map((c) => [c.text, c.origin])).toEqual([['theirs', 'sync']]);
    // The same remote again adds nothing.
    expect(mergeSynced(conflicted, withText('theirs'), 'base', 100, newId)).toBe(conflicted);
  });

  it('unites highlights (a newer edit of one wins) and changes nothing when both agree', async () => {
    const { mergeSynced } = await import('../../../../src/background/notes/sync');
    const local = withText('x', { highlights: [highlight('h1', 'one', 0, 'old note')] });
    const remote = withText('x', { highlights: [{ ...highlight('h1', 'one', 0, 'new note'), updatedAt: 1_800_000_000_000 }, highlight('h2', 'two', 10)] });
    const merged = mergeSynced(local, remote, 'x', 99, newId);
    expect(merged.highlights.map((h) => [h.id, h.note])).toEqual([
      ['h1', 'new note'],
      ['h2', ''],
    ]);
    expect(mergeSynced(merged, remote, 'x', 100, newId)).toBe(merged);
  });
});
