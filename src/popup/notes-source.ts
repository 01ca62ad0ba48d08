/**
 * Where the popup's "My notes" section comes from: the worker's notes store, asked with
 * `notes/search`. The popup shows no section when the worker cannot answer (no notes
 * store in this build: "unknown message type"), so search works without it.
 */
import type { NoteSearchResult } from '../shared/messages/notes-messages';
import { sendToWorker } from '../shared/messenger';

/** One note or highlight matching the query, as the popup lists it. */
export type NoteHit = NoteSearchResult;

export interface NotesSource {
  /** Notes and highlights matching `query` (every word), newest first; empty query = most recent. Null: no notes store. */
  searchNotes(query: string, limit: number): Promise<NoteHit[] | null>;
}

export const workerNotes: NotesSource = {
  async searchNotes(query, limit) {
    try {
      const found = await sendToWorker('notes/search', { query: query.slice(0, 500), limit });
      return found.map(({ articleId, articleTitle, url, kind, text, updatedAt }) => ({ articleId, articleTitle, url, kind, text, updatedAt }));
    } catch (error) {
      if (/unknown message type/.test(String(error))) return null;
      throw error;
    }
  },
};
