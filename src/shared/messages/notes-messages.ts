/**
 * Messages of the notes feature: the sidebar and extension pages ask the worker, the only
 * writer of the notes store, to read and change an article's note and highlights; the
 * options page lists, exports and imports everything. Sidebar messages carry the
 * `articleId` they address, which the router checks against the sidebar's own article.
 */
import * as v from 'valibot';
import {
  ArticleId,
  MAX_HIGHLIGHT_NOTE_LENGTH,
  RecordId,
  TextPositionSelector,
  TextQuoteSelector,
  type NotesRecord,
} from '../notes-schema';
import type { StorageRoom } from '../storage-room';
import { NOTE_WRITE } from './draft-port';
import { answers, type MessageSpec } from './spec';

const FROM_SIDEBAR = ['sidebar', 'extension-page'] as const;
const FROM_EXTENSION_PAGE = ['extension-page'] as const;
/** Backups are read whole; captured articles make them large (~5 KB an article); Chromium's message limit is 64 MiB. */
const MAX_BACKUP_LENGTH = 60_000_000;
/** JSON backup, one Markdown file, a zip of Markdown files (one per article, for Obsidian / Logseq), Web Annotations. */
export const EXPORT_FORMATS = ['json', 'markdown', 'markdown-zip', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];


export const notesMessages = {
  /** The article's notes record (an empty one when the user wrote nothing yet). */
  'notes/get': { from: FROM_SIDEBAR, request: v.strictObject({ articleId: ArticleId }), response: answers<NotesRecord>() },
  /**
   * Saves the article's note. `baseRevision`/`baseText` are the revision and text the
   * editor started from: a write on an older revision is merged or kept as a conflict copy.
   */
  'notes/save-note': {
    from: FROM_SIDEBAR,
    request: v.strictObject({ articleId: ArticleId, ...NOTE_WRITE }),
    /** `room`: whether storage has room for the next write like this one (src/shared/storage-room.ts). */
    response: answers<{ status: SaveStatus; record: NotesRecord; room: StorageRoom }>(),
  },
  /** Drops a conflict copy the user has read (after copying what they want from it). */
  'notes/dismiss-conflict': {
    from: FROM_SIDEBAR,
    request: v.strictObject({ articleId: ArticleId, conflictId: RecordId }),
    response: answers<NotesRecord>(),
  },
  /** Adds a highlight (or puts a deleted one back, with its id: undo). */
  'notes/add-highlight': {
    from: FROM_SIDEBAR,
    request: v.strictObject({
      articleId: ArticleId,
      highlight: v.strictObject({
        id: RecordId,
        createdAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
        note: v.pipe(v.string(), v.maxLength(MAX_HIGHLIGHT_NOTE_LENGTH)),
        quote: TextQuoteSelector,
        position: TextPositionSelector,
      }),
    }),
    response: answers<NotesRecord>(),
  },
  'notes/update-highlight': {
    from: FROM_SIDEBAR,
    request: v.strictObject({ articleId: ArticleId, id: RecordId, note: v.pipe(v.string(), v.maxLength(MAX_HIGHLIGHT_NOTE_LENGTH)) }),
    response: answers<NotesRecord>(),
  },
  'notes/delete-highlight': { from: FROM_SIDEBAR, request: v.strictObject({ articleId: ArticleId, id: RecordId }), response: answers<NotesRecord>() },
  /** Notes and highlights matching `query` (every word), newest first; empty query = most recent. */
  'notes/search': {
    from: FROM_EXTENSION_PAGE,
    request: v.strictObject({
      query: v.pipe(v.string(), v.maxLength(500)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
    }),
    response: answers<NoteSearchResult[]>(),
  },
  /** Everything, for the options page: records, quarantined records, sync status. */
  'notes/list': { from: FROM_EXTENSION_PAGE, request: v.strictObject({}), response: answers<NotesList>() },
  'notes/export': {
    from: FROM_EXTENSION_PAGE,
    request: v.strictObject({ format: v.picklist(EXPORT_FORMATS) }),
    response: answers<ExportedFile>(),
  },
  /**
   * What importing a file (a Backstory backup, W3C Web Annotations, a Hypothesis export)
   * would add, update and skip; `apply` false changes nothing.
   */
  'notes/import': {
    from: FROM_EXTENSION_PAGE,
    request: v.strictObject({ content: v.pipe(v.string(), v.maxLength(MAX_BACKUP_LENGTH)), apply: v.boolean() }),
    response: answers<ImportReport>(),
  },
  /** Turns sync through the browser's own sync service on or off. */
  'notes/set-sync': { from: FROM_EXTENSION_PAGE, request: v.strictObject({ enabled: v.boolean() }), response: answers<SyncStatus>() },
} as const satisfies Record<string, MessageSpec>;

/** One result of `notes/search` (the popup lists these under "My notes"). */
export interface NoteSearchResult {
  articleId: string;
  articleTitle: string;
  url: string;
  kind: 'note' | 'highlight';
  /** The note text, or the highlighted quote with its note; cut to about 280 characters. */
  text: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export type SaveStatus = 'saved' | 'merged' | 'conflict';

export interface SyncStatus {
  enabled: boolean;
  /** Articles whose notes stay only in this browser, and why. */
  notSynced: Array<{ articleId: string; articleTitle: string; reason: 'too-large' | 'total-quota'; bytes: number }>;
  syncedCount: number;
  /** The last sync error (e.g. the sync service refused the write), if any. */
  error: string | null;
}

export type ImportAction = 'add' | 'update' | 'skip';

/** What importing a backup does to one article's record. */
export interface ImportItem {
  articleId: string;
  /** The catalog's; for an item not in the archive, the file's unchecked claim (show as text only). */
  articleTitle: string;
  action: ImportAction;
  /** False: a note on an article this archive does not have (kept, listed apart). */
  inArchive: boolean;
  /** What changes, for the user to read before confirming. */
  details: string[];
}

/** What an annotation file (W3C, Hypothesis) held, and what of it could not be placed. */
export interface ImportTally {
  format: 'w3c' | 'hypothesis';
  /** Highlights anchored in archived text (or Backstory's own, kept as they were). */
  highlights: number;
  /** Page notes (annotations on the whole article). */
  notes: number;
  /** Replies kept as text under their annotation. */
  replies: number;
  /** Archived articles they are on. */
  articles: number;
  /** Annotations on pages this archive does not have (left out). */
  notInArchive: number;
  /** Highlights whose quote is not in the archived text (left out). */
  unanchored: number;
  /** Everything left out or cut, and why (`skipped` lists the first 200; shown as text). */
  skippedCount: number;
  skipped: Array<{ annotation: string; reason: string }>;
}

/** What importing a file would do (`applied` false) or did. */
export interface ImportReport {
  /** For an annotation file, what it held (null for a Backstory backup). */
  found: ImportTally | null;
  add: number;
  update: number;
  skip: number;
  /** Records on articles this archive does not have: kept, and listed apart. */
  notInArchive: number;
  items: ImportItem[];
  /** The backup's captured articles: added (not stored here yet), skipped (stored here already: kept as stored). */
  captured: { add: number; skip: number };
  applied: boolean;
}

/** Everything the options page lists (`notes/list`). */
export interface NotesList {
  /** Notes on archived articles, with the catalog's title and address. */
  records: NotesRecord[];
  /**
   * Notes on articles this archive does not have (imported or synced): kept, never
   * trusted. `articleTitle` is the record's own claim and `url` is '' unless http(s);
   * show both as text, never as a link.
   */
  notInArchive: NotesRecord[];
  /** Damaged records kept aside (their storage id, the key they were under, why). */
  quarantined: Array<{ id: string; key: string; reason: string; at: number }>;
  sync: SyncStatus;
  /** What storage.local holds (bytes; quota null when there is none) and how many notes and highlights. */
  usage: { bytes: number; quota: number | null; notes: number; highlights: number };
}

/** A file for the user to save: an export, or the damaged records. */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  /** The file's text, or (`encoding` base64: a zip) its bytes in base64. */
  content: string;
  encoding?: 'base64';
}
