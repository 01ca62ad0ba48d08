/**
 * Exports of every note and highlight: a full JSON backup (importable, with the schema
 * version), Markdown to read, and W3C Web Annotation JSON-LD (the format Hypothesis uses).
 */
import type { CapturedArticle } from '../../shared/captured-article';
import { NOTES_SCHEMA_VERSION, type NotesRecord } from '../../shared/notes-schema';
import { noteUuid, recordUuid } from './export-ids';

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
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

/** `text` as a Markdown block quote, each line escaped. */
export function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

/**
 * A record's note as written (the user's own Markdown), its other versions, and each
 * highlight as a quote with its note; `heading` is the Markdown level of their headings.
 */
export function noteSections(record: NotesRecord, heading: string): string[] {
  const lines: string[] = [];
  if (record.note.text !== '') lines.push(record.note.text, '');
  for (const conflict of record.conflicts) {
    lines.push(`${heading} Other version (${new Date(conflict.savedAt).toISOString()})`, '', conflict.text, '');
  }
  if (record.highlights.length > 0) {
    lines.push(`${heading} Highlights`, '');
    for (const highlight of record.highlights) {
      lines.push(quoted(highlight.quote.exact), '');
      if (highlight.note !== '') lines.push(highlight.note, '');
    }
  }
  return lines;
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
    lines.push(...noteSections(record, '###'));
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

/** The software that made an export (`generator` of every annotation). */
export interface Generator {
  name: string;
  version: string;
}

/** What an export says about each record beyond the record: the day its article was archived (null: not in this archive). */
export interface AnnotationContext {
  archivedOn: (articleId: string) => string | null;
  generator: Generator;
  now: Date;
}

/** The URN naming an article this archive does not have (no checked address): importing it finds the record again. */
export const ARTICLE_URN_PREFIX = 'urn:backstory:article:';

/** The annotated article: its address, or a URN naming its id when it has no checked address (not in this archive). */
function annotationSource(record: NotesRecord): string {
  return record.url !== '' ? record.url : `${ARTICLE_URN_PREFIX}${record.articleId}`;
}

/**
 * The archived copy the selectors describe: a TimeState with the day the article was
 * archived, as the model intends for a resource as it was at a time (null: not archived here).
 */
function archivedState(archivedOn: string | null): JsonLd | null {
  return archivedOn === null ? null : { type: 'TimeState', sourceDate: `${archivedOn}T00:00:00Z` };
}

function generatorOf({ name, version }: Generator): JsonLd {
  return { type: 'Software', name: `${name} ${version}` };
}

/**
 * One Annotation per article note and per highlight (W3C Web Annotation Data Model). An
 * archived article's note targets a SpecificResource with the archive's TimeState (a
 * resource the schema recognizes by its state, and the model by its source); a note on an
 * article this archive does not have targets its IRI. Ids are UUID URNs (export-ids.ts).
 */
export function toAnnotations(record: NotesRecord, context: AnnotationContext): JsonLd[] {
  const annotations: JsonLd[] = [];
  const source = annotationSource(record);
  const state = archivedState(context.archivedOn(record.articleId));
  const common = { '@context': ANNOTATION_CONTEXT, type: 'Annotation', generator: generatorOf(context.generator), generated: context.now.toISOString() };
  const tags = record.note.tags.map((tag) => textualBody(tag, 'tagging'));
  if (record.note.text !== '' || tags.length > 0) {
    annotations.push({
      ...common,
      id: `urn:uuid:${noteUuid(record.articleId)}`,
      motivation: 'commenting',
      created: iso(record.note.createdAt ?? record.note.updatedAt),
      modified: iso(record.note.updatedAt),
      body: [...(record.note.text !== '' ? [textualBody(record.note.text, 'commenting')] : []), ...tags],
      target: state === null ? source : { type: 'SpecificResource', source, state },
    });
  }
  for (const highlight of record.highlights) {
    annotations.push({
      ...common,
      id: `urn:uuid:${recordUuid(record.articleId, highlight.id)}`,
      motivation: highlight.note !== '' ? 'commenting' : 'highlighting',
      created: iso(highlight.createdAt),
      modified: iso(highlight.updatedAt),
      ...(highlight.note !== '' ? { body: textualBody(highlight.note, 'commenting') } : {}),
      target: {
        type: 'SpecificResource',
        source,
        ...(state === null ? {} : { state }),
        selector: [
          { type: 'TextQuoteSelector', exact: highlight.quote.exact, prefix: highlight.quote.prefix, suffix: highlight.quote.suffix },
          { type: 'TextPositionSelector', start: highlight.position.start, end: highlight.position.end },
        ],
      },
    });
  }
  return annotations;
}

/** An AnnotationCollection holding every annotation in one page (the page carries its own @context, so it stands alone too). */
export function toWebAnnotationCollection(records: readonly NotesRecord[], context: AnnotationContext): JsonLd {
  const items = records.flatMap((record) => toAnnotations(record, context));
  const id = `urn:uuid:${crypto.randomUUID()}`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Backstory notes',
    total: items.length,
    first: { '@context': ANNOTATION_CONTEXT, id: `urn:uuid:${crypto.randomUUID()}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
