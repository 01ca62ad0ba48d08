/**
 * Where the popup's "My notes" section comes from: the worker's notes store, asked with
 * `notes/search`. A failure is passed on (the popup says "Notes could not be read: …"
 * and archive search works on without it).
 */
import type { NoteSearchResult } from '../shared/messages/notes-messages';
import { sendToWorker } from '../shared/messages/to-worker';

/** One note or highlight matching the query, as the popup lists it. */
export type NoteHit = NoteSearchResult;

export interface NotesSource {
  /** Notes and highlights matching `query` (every word), newest first; empty query = most recent. Rejects when they cannot be read. */
  searchNotes(query: string, limit: number): Promise<NoteHit[]>;
}

export const workerNotes: NotesSource = {
  async searchNotes(query, limit) {
    const found = await sendToWorker('notes/search', { query: query.slice(0, 500), limit });
    return found.map(({ articleId, articleTitle, url, kind, text, updatedAt }) => ({ articleId, articleTitle, url, kind, text, updatedAt }));
  },
};
