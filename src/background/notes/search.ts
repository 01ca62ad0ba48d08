/** Searching the user's notes and highlights (the popup's "My notes" results). */
import type { NotesRecord } from '../../shared/notes-schema';
import type { NoteSearchResult } from '../../shared/messages/notes-messages';

const SNIPPET_LENGTH = 280;

function snippet(text: string, tokens: readonly string[]): string {
  if (text.length <= SNIPPET_LENGTH) return text;
  const lower = text.toLowerCase();
  const hit = tokens.map((token) => lower.indexOf(token)).filter((index) => index >= 0);
  const start = Math.max(0, Math.min(...hit, text.length) - 40);
  const cut = text.slice(start, start + SNIPPET_LENGTH);
  return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET_LENGTH < text.length ? '…' : ''}`;
}

/**
 * Notes and highlights whose text, tags or article title hold every word of `query`
 * (case-insensitive), most recently changed first; an empty query lists the most recent.
 */
export function searchNotes(records: readonly NotesRecord[], query: string, limit: number): NoteSearchResult[] {
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (...fields: string[]): boolean => {
    const haystack = fields.join('\n').toLowerCase();
    return tokens.every((token) => haystack.includes(token));
  };
  const results: NoteSearchResult[] = [];
  for (const record of records) {
    const base = { articleId: record.articleId, articleTitle: record.articleTitle, url: record.url };
    const { note } = record;
    if ((note.text !== '' || note.tags.length > 0) && matches(note.text, note.tags.join(' '), record.articleTitle)) {
      const text = note.text || note.tags.map((tag) => `#${tag}`).join(' ');
      results.push({ ...base, kind: 'note', text: snippet(text, tokens), updatedAt: note.updatedAt });
    }
    for (const highlight of record.highlights) {
      if (!matches(highlight.quote.exact, highlight.note, record.articleTitle)) continue;
      const text = highlight.note ? `“${highlight.quote.exact}” — ${highlight.note}` : highlight.quote.exact;
      results.push({ ...base, kind: 'highlight', text: snippet(text, tokens), updatedAt: highlight.updatedAt });
    }
  }
  return results.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}
