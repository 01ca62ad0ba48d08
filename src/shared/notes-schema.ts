/**
 * The user's notes and highlights on one archived article, as stored (one record per
 * article, `notes:<articleId>` in storage.local) and as sent between the worker and the
 * sidebar and options pages. Anchors follow the W3C Web Annotation model's
 * TextQuoteSelector and TextPositionSelector, over `articleFullText`.
 */
import * as v from 'valibot';

/** Version of the stored notes record; bumped with a step in src/background/notes/migrations.ts. */
export const NOTES_SCHEMA_VERSION = 1;

export const NOTES_PREFIX = 'notes:';

/** The storage.local key of an article's record. */
export function notesKey(articleId: string): string {
  return `${NOTES_PREFIX}${articleId}`;
}

export const MAX_NOTE_LENGTH = 100_000;
export const MAX_HIGHLIGHT_NOTE_LENGTH = 20_000;
export const MAX_QUOTE_LENGTH = 10_000;
/** Characters of context kept before and after a quote (as Hypothesis does). */
export const QUOTE_CONTEXT_LENGTH = 32;

export const ArticleId = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'an article id is 16 hex digits'));
export const RecordId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id is 1–64 letters, digits, - or _'));
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
export const Tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64));
export const Tags = v.pipe(v.array(Tag), v.maxLength(50));

export const TextQuoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH)),
  prefix: v.pipe(v.string(), v.maxLength(QUOTE_CONTEXT_LENGTH)),
  suffix: v.pipe(v.string(), v.maxLength(QUOTE_CONTEXT_LENGTH)),
});
export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelector>;

export const TextPositionSelector = v.pipe(
  v.strictObject({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
  v.check((position) => position.end > position.start, 'a position ends after it starts'),
);
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelector>;

export const Highlight = v.object({
  id: RecordId,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The user's note on the passage (light Markdown); may be empty. */
  note: v.pipe(v.string(), v.maxLength(MAX_HIGHLIGHT_NOTE_LENGTH)),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
});
export type Highlight = v.InferOutput<typeof Highlight>;

/** A version of the note that could not be merged: kept for the user to see, never dropped. */
export const ConflictCopy = v.object({
  id: RecordId,
  text: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
  savedAt: Timestamp,
  /** Where the other version came from. */
  origin: v.picklist(['concurrent-edit', 'import', 'sync']),
});
export type ConflictCopy = v.InferOutput<typeof ConflictCopy>;

export const ArticleNote = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
  tags: Tags,
  /** Bumped by every write; a write names the revision it was based on. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: Timestamp,
  /** When the note was first written (exports say so as `created`); absent on notes written before it was kept. */
  createdAt: v.optional(Timestamp),
});
export type ArticleNote = v.InferOutput<typeof ArticleNote>;

export const NotesRecord = v.object({
  schemaVersion: v.literal(NOTES_SCHEMA_VERSION),
  articleId: ArticleId,
  /** Copied from the archive catalog when the record is made, for lists and exports. */
  articleTitle: v.pipe(v.string(), v.maxLength(2000)),
  url: v.pipe(v.string(), v.maxLength(4096)),
  note: ArticleNote,
  highlights: v.array(Highlight),
  conflicts: v.array(ConflictCopy),
  updatedAt: Timestamp,
});
export type NotesRecord = v.InferOutput<typeof NotesRecord>;

export function emptyRecord(articleId: string, articleTitle: string, url: string, now = 0): NotesRecord {
  return {
    schemaVersion: NOTES_SCHEMA_VERSION,
    articleId,
    articleTitle,
    url,
    note: { text: '', tags: [], revision: 0, updatedAt: now },
    highlights: [],
    conflicts: [],
    updatedAt: now,
  };
}

/** Whether a record holds nothing the user wrote. */
export function isEmptyRecord(record: NotesRecord): boolean {
  return record.note.text === '' && record.note.tags.length === 0 && record.highlights.length === 0 && record.conflicts.length === 0;
}

export function newRecordId(): string {
  return crypto.randomUUID();
}
