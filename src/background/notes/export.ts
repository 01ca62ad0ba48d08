/**
 * Exports of every note and highlight: a full JSON backup (importable, with the schema
 * version), Markdown to read, and W3C Web Annotation JSON-LD (the format Hypothesis uses).
 */
import type { CapturedArticle } from '../../shared/captured-article';
import { NOTES_SCHEMA_VERSION, type NotesRecord } from '../../shared/notes-schema';

export const BACKUP_FORMAT = 'backstory-notes';

export interface NotesBackup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  records: NotesRecord[];
  /** The user's own captured articles, whole (src/background/capture/backup.ts); absent in older backups. */
  captured?: CapturedArticle[];
}

export function toJsonBackup(records: readonly NotesRecord[], now: Date, captured: readonly CapturedArticle[] = []): NotesBackup {
  return { format: BACKUP_FORMAT, schemaVersion: NOTES_SCHEMA_VERSION, exportedAt: now.toISOString(), records: [...records], captured: [...captured] };
}

/** A Markdown link label or text line that shows as written (no accidental markup). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

/**
 * Markdown of `records` (notes on archived articles: their titles link to the catalog's
 * addresses) and of `notInArchive` (notes on articles this archive does not have: their
 * claimed titles as text, no link).
 */
export function toMarkdown(records: readonly NotesRecord[], now: Date, notInArchive: readonly NotesRecord[] = []): string {
  const lines = ['# Backstory notes', '', `Exported ${now.toISOString()}`, ''];
  const sections = [
    ...records.map((record) => ({ record, heading: `## [${escapeMarkdown(record.articleTitle || record.articleId)}](<${record.url}>)` })),
    ...notInArchive.map((record) => ({ record, heading: `## ${escapeMarkdown(record.articleTitle || record.articleId)} (not in this archive: ${record.articleId})` })),
  ];
  for (const { record, heading } of sections) {
    lines.push(heading, '');
    if (record.note.tags.length > 0) lines.push(`Tags: ${record.note.tags.map(escapeMarkdown).join(', ')}`, '');
    // The note is the user's own Markdown: kept as written.
    if (record.note.text !== '') lines.push(record.note.text, '');
    for (const conflict of record.conflicts) {
      lines.push(`### Other version (${new Date(conflict.savedAt).toISOString()})`, '', conflict.text, '');
    }
    if (record.highlights.length > 0) {
      lines.push('### Highlights', '');
      for (const highlight of record.highlights) {
        lines.push(quoted(highlight.quote.exact), '');
        if (highlight.note !== '') lines.push(highlight.note, '');
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type JsonLd = Record<string, unknown>;

function iso(time: number): string {
  return new Date(time).toISOString();
}

function textualBody(value: string, purpose: 'commenting' | 'tagging'): JsonLd {
  return purpose === 'tagging'
    ? { type: 'TextualBody', purpose, value }
    : { type: 'TextualBody', purpose, value, format: 'text/markdown' };
}

/** The annotated article: its address, or a URN naming its id when it has no checked address (not in this archive). */
function annotationSource(record: NotesRecord): string {
  return record.url !== '' ? record.url : `urn:backstory:article:${record.articleId}`;
}

/** One Annotation per article note and per highlight (W3C Web Annotation Data Model). */
export function toAnnotations(record: NotesRecord): JsonLd[] {
  const annotations: JsonLd[] = [];
  const tags = record.note.tags.map((tag) => textualBody(tag, 'tagging'));
  if (record.note.text !== '' || tags.length > 0) {
    annotations.push({
      '@context': ANNOTATION_CONTEXT,
      id: `urn:backstory:note:${record.articleId}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: iso(record.note.updatedAt),
      modified: iso(record.note.updatedAt),
      body: [...(record.note.text !== '' ? [textualBody(record.note.text, 'commenting')] : []), ...tags],
      target: { source: annotationSource(record) },
    });
  }
  for (const highlight of record.highlights) {
    annotations.push({
      '@context': ANNOTATION_CONTEXT,
      id: `urn:uuid:${highlight.id}`,
      type: 'Annotation',
      motivation: highlight.note !== '' ? 'commenting' : 'highlighting',
      created: iso(highlight.createdAt),
      modified: iso(highlight.updatedAt),
      ...(highlight.note !== '' ? { body: textualBody(highlight.note, 'commenting') } : {}),
      target: {
        source: annotationSource(record),
        selector: [
          { type: 'TextQuoteSelector', exact: highlight.quote.exact, prefix: highlight.quote.prefix, suffix: highlight.quote.suffix },
          { type: 'TextPositionSelector', start: highlight.position.start, end: highlight.position.end },
        ],
      },
    });
  }
  return annotations;
}

/** An AnnotationCollection holding every annotation in one page. */
export function toWebAnnotationCollection(records: readonly NotesRecord[], now: Date): JsonLd {
  const items = records.flatMap(toAnnotations);
  const id = `urn:backstory:export:${now.getTime()}`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Backstory notes',
    total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
