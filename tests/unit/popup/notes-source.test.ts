import { describe, expect, it, vi } from 'vitest';

let calls: unknown[][] = [];
let answer: () => Promise<unknown> = async () => [];
vi.mock('../../../src/shared/messenger', () => ({
  sendToWorker: (...args: unknown[]) => {
    calls.push(args);
    return answer();
  },
}));

const { workerNotes } = await import('../../../src/popup/notes-source');
const { notesQuery } = await import('../../../src/popup/use-search');

describe('the popup’s notes source', () => {
  it('asks the worker’s notes store and passes its results on', async () => {
    const note = { articleId: '31f14c63a51e4b00', articleTitle: 'T', url: 'https://a.example/', kind: 'note', text: 'kirby', updatedAt: 1 };
    calls = [];
    answer = async () => [note];
    expect(await workerNotes.searchNotes('kirby', 5)).toEqual([note]);
    expect(calls).toEqual([['notes/search', { query: 'kirby', limit: 5 }]]);
  });

  it('passes every failure on, whatever its text (the popup says the notes could not be read)', async () => {
    answer = () => Promise.reject(new Error('notes/search: unknown message type "notes/search"'));
    await expect(workerNotes.searchNotes('kirby', 5)).rejects.toThrow('unknown message type');

    answer = () => Promise.reject(new Error('notes/search: storage is broken'));
    await expect(workerNotes.searchNotes('kirby', 5)).rejects.toThrow('storage is broken');
  });

  it('sends only the free words of the query, without archive fields or quotes', () => {
    expect(notesQuery('entity:"John Kirby" host:sputnikglobe.com "drone strike" before:2024-01-01 baghdad')).toBe('drone strike baghdad');
  });
});
