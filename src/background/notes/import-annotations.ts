/**
 * Placing imported annotations (Web Annotations, Hypothesis) on archived articles: each is
 * matched to an article by its document's normalized URL (src/shared/url-key.ts), or by the
 * article URN of Backstory's own export; its quote is anchored in the archived text
 * (src/shared/notes-anchor.ts), which gives it selectors over that text. Page notes become
 * the article's note (several are joined), replies are kept as text under the annotation
 * they answer, tags join the article's tags. What cannot be placed is counted and listed
 * with the reason; the records made here are then merged like a backup's (import.ts).
 */
import * as v from 'valibot';
import type { ImportTally } from '../../shared/messages/notes-messages';
import { anchorHighlight, describeRange } from '../../shared/notes-anchor';
import {
  MAX_HIGHLIGHT_NOTE_LENGTH,
  MAX_NOTE_LENGTH,
  NotesRecord,
  QUOTE_CONTEXT_LENGTH,
  RecordId,
  Tag,
  emptyRecord,
  type Highlight,
} from '../../shared/notes-schema';
import { tryUrlKey } from '../../shared/url-key';
import { ARTICLE_URN_PREFIX } from './export';
import { exportedIds, nameUuid } from './export-ids';
import { excerpt, type ForeignAnnotation } from './import-foreign';

/** What placing needs of the archive and the store. */
export interface ArticleLookup {
  /** The archived article with this URL key, if any. */
  articleIdForKey(key: string): Promise<string | null>;
  entry(articleId: string): Promise<{ title: string; url: string } | null>;
  /** The article's full text (articleFullText). */
  text(articleId: string): Promise<string>;
  /** The ids of the highlights already stored on the article (so an import of our own export finds them). */
  storedHighlightIds(articleId: string): string[];
}

/** Reasons listed in a preview at most; the count covers them all. */
const MAX_LISTED = 200;
const MAX_TAGS = 50;

type Placed = { articleId: string; inArchive: boolean; annotation: ForeignAnnotation };

class Tally {
  private readonly counts: Omit<ImportTally, 'skipped'>;
  private readonly left: Array<{ index: number; annotation: string; reason: string }> = [];
  private readonly articles = new Set<string>();
  constructor(format: ImportTally['format']) {
    this.counts = { format, highlights: 0, notes: 0, replies: 0, articles: 0, notInArchive: 0, unanchored: 0, skippedCount: 0 };
  }
  get value(): Omit<ImportTally, 'skipped'> {
    return this.counts;
  }
  /** Something left out (or cut) and why; `index` is its place in the file (-1: the file itself). */
  skip(annotation: Pick<ForeignAnnotation, 'label' | 'index'>, reason: string): void {
    this.counts.skippedCount++;
    this.left.push({ index: annotation.index, annotation: annotation.label, reason });
  }
  /** The counts, and the first MAX_LISTED things left out, in file order. */
  result(): ImportTally {
    const skipped = [...this.left].sort((a, b) => a.index - b.index).slice(0, MAX_LISTED).map(({ annotation, reason }) => ({ annotation, reason }));
    return { ...this.counts, skipped };
  }
  onArticle(articleId: string): void {
    this.articles.add(articleId);
    this.counts.articles = this.articles.size;
  }
}

const ARTICLE_URN = new RegExp(`^${ARTICLE_URN_PREFIX}([0-9a-f]{16})$`);

/** Which article an annotation is on; null (with the reason) when none here. */
async function articleOf(annotation: ForeignAnnotation, lookup: ArticleLookup): Promise<{ articleId: string; inArchive: boolean } | { reason: string; notInArchive: boolean }> {
  const urn = ARTICLE_URN.exec(annotation.source);
  if (urn) {
    const articleId = urn[1]!;
    if (await lookup.entry(articleId)) return { articleId, inArchive: true };
    // Backstory's own note on an article this archive does not have: kept as such, as a backup's is.
    if (annotation.fromBackstory) return { articleId, inArchive: false };
    return { reason: `on article ${articleId}, which this archive does not have`, notInArchive: true };
  }
  const key = tryUrlKey(annotation.source);
  if (key === null) return { reason: `its document is not a web address of an article: ${excerpt(annotation.source, 80) || '(none)'}`, notInArchive: false };
  const articleId = await lookup.articleIdForKey(key);
  if (articleId === null) return { reason: `on a page this archive does not have: ${excerpt(annotation.source, 80)}`, notInArchive: true };
  return { articleId, inArchive: true };
}

function dateOf(time: number | null): string {
  return time === null ? '' : new Date(time).toISOString().slice(0, 10);
}

/** The replies under an annotation, as Markdown quotes naming who wrote them and when. */
function withReplies(text: string, replies: readonly ForeignAnnotation[]): string {
  const parts = text === '' ? [] : [text];
  for (const reply of replies) {
    const who = [reply.author, dateOf(reply.created ?? reply.modified)].filter(Boolean).join(', ');
    const lines = reply.text.split('\n').map((line) => `> ${line}`);
    parts.push([`> **Reply**${who ? ` (${who.replace(/[\\`*_[\]<>]/g, '\\$&')})` : ''}:`, ...lines].join('\n'));
  }
  return parts.join('\n\n');
}

/** `text` within `max` characters, and whether it was cut. */
function within(text: string, max: number): [string, boolean] {
  return text.length <= max ? [text, false] : [`${text.slice(0, max - 1)}…`, true];
}

/** The stored id of an imported highlight: our own export's UUID finds the stored record; another tool's id is kept when it fits, else named by it. */
function highlightId(annotation: ForeignAnnotation, known: ReadonlyMap<string, string>): string {
  const id = annotation.id ?? `${annotation.source}\n${annotation.quote?.exact ?? ''}\n${annotation.created ?? ''}`;
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(id)?.[1]?.toLowerCase();
  if (uuid) return known.get(uuid) ?? uuid;
  return v.is(RecordId, id) ? id : nameUuid(`import:${id}`);
}

/** One highlight anchored in `text`, or the reason it cannot be. */
function placeHighlight(annotation: ForeignAnnotation, text: string, inArchive: boolean, known: ReadonlyMap<string, string>, note: string): Highlight | string {
  const { quote, position } = annotation;
  if (quote === null) {
    return annotation.otherSelectors.length > 0
      ? `it has no quote to anchor by (only ${[...new Set(annotation.otherSelectors)].join(', ')})`
      : 'it has no quote to anchor by';
  }
  const created = annotation.created ?? annotation.modified ?? 0;
  const base = { id: highlightId(annotation, known), createdAt: created, updatedAt: annotation.modified ?? created, note };
  const anchor = inArchive
    ? anchorHighlight(text, { type: 'TextQuoteSelector', ...quote }, { type: 'TextPositionSelector', start: position?.start ?? 0, end: position?.end ?? 0 })
    : null;
  if (anchor) return { ...base, ...describeRange(text, anchor.start, anchor.end) };
  // Backstory's own highlight that no longer anchors stays as it was (listed as no longer found), as it did before export.
  if (annotation.fromBackstory && position !== null && position.end > position.start) {
    return {
      ...base,
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix.slice(-QUOTE_CONTEXT_LENGTH), suffix: quote.suffix.slice(0, QUOTE_CONTEXT_LENGTH) },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    };
  }
  return `it could not be anchored in the archived text: “${excerpt(quote.exact)}”`;
}

/**
 * The records importing `annotations` would merge in (one per article they are on), and
 * what was found: counts, and each annotation left out with the reason.
 */
export async function recordsFromAnnotations(
  annotations: readonly ForeignAnnotation[],
  format: ImportTally['format'],
  lookup: ArticleLookup,
  unreadPages: readonly string[] = [],
): Promise<{ records: NotesRecord[]; tally: ImportTally }> {
  const tally = new Tally(format);
  for (const page of unreadPages) tally.skip({ label: `page ${page}`, index: -1 }, 'the file only links to this page; Backstory reads no server, so its annotations were not read');

  const byId = new Map(annotations.filter((a) => a.id !== null).map((a) => [a.id!, a]));
  const replies = new Map<ForeignAnnotation, ForeignAnnotation[]>();
  const placed: Placed[] = [];
  const seenIds = new Set<string>();
  for (const annotation of annotations) {
    if (annotation.id !== null && seenIds.has(annotation.id)) {
      tally.skip(annotation, 'it repeats an earlier annotation’s id');
      continue;
    }
    if (annotation.id !== null) seenIds.add(annotation.id);
    if (annotation.replyTo !== null) {
      const root = byId.get(annotation.replyTo);
      if (!root || root.replyTo !== null) tally.skip(annotation, 'it replies to an annotation that is not in the file');
      else replies.set(root, [...(replies.get(root) ?? []), annotation]);
      continue;
    }
    const article = await articleOf(annotation, lookup);
    if ('reason' in article) {
      if (article.notInArchive) tally.value.notInArchive++;
      tally.skip(annotation, article.reason);
      continue;
    }
    placed.push({ ...article, annotation });
  }

  const byArticle = new Map<string, Placed[]>();
  for (const item of placed) byArticle.set(item.articleId, [...(byArticle.get(item.articleId) ?? []), item]);
  const records: NotesRecord[] = [];
  for (const [articleId, items] of byArticle) {
    const inArchive = items[0]!.inArchive;
    const entry = inArchive ? await lookup.entry(articleId) : null;
    const text = inArchive ? await lookup.text(articleId) : '';
    const known = exportedIds(articleId, lookup.storedHighlightIds(articleId));
    const record = emptyRecord(articleId, entry?.title ?? '', entry?.url ?? '', 0);
    const notes: string[] = [];
    const tags = new Set<string>();
    const times: number[] = [];
    const created: number[] = [];
    let placedAny = false;
    const chronological = [...items].sort((a, b) => (a.annotation.created ?? 0) - (b.annotation.created ?? 0));
    for (const { annotation } of chronological) {
      const thread = (replies.get(annotation) ?? []).sort((a, b) => (a.created ?? 0) - (b.created ?? 0));
      const isPageNote = annotation.quote === null && annotation.position === null && annotation.otherSelectors.length === 0;
      if (isPageNote) {
        const note = withReplies(annotation.text, thread);
        if (note === '' && annotation.tags.length === 0) {
          tally.skip(annotation, 'it has neither a comment nor tags');
          continue;
        }
        if (note !== '') notes.push(note);
        tally.value.notes++;
      } else {
        const [note, cut] = within(withReplies(annotation.text, thread), MAX_HIGHLIGHT_NOTE_LENGTH);
        const highlight = placeHighlight(annotation, text, inArchive, known, note);
        if (typeof highlight === 'string') {
          if (highlight.startsWith('it could not be anchored')) tally.value.unanchored++;
          tally.skip(annotation, highlight);
          continue;
        }
        if (record.highlights.some((h) => h.id === highlight.id)) {
          tally.skip(annotation, 'it repeats an earlier annotation’s id');
          continue;
        }
        if (cut) tally.skip(annotation, `its note and replies were cut to ${MAX_HIGHLIGHT_NOTE_LENGTH.toLocaleString('en')} characters`);
        record.highlights.push(highlight);
        tally.value.highlights++;
      }
      tally.value.replies += thread.length;
      placedAny = true;
      for (const tag of annotation.tags) {
        const checked = v.safeParse(Tag, tag);
        if (checked.success && (tags.size < MAX_TAGS || tags.has(checked.output))) tags.add(checked.output);
        else tally.skip(annotation, `its tag “${excerpt(tag, 40)}” was left out (tags are 1–64 characters, ${MAX_TAGS} per article)`);
      }
      if (annotation.modified ?? annotation.created) times.push((annotation.modified ?? annotation.created)!);
      if (annotation.created !== null) created.push(annotation.created);
    }
    if (!placedAny) continue;
    const [noteText, cut] = within(notes.join('\n\n'), MAX_NOTE_LENGTH);
    if (cut) tally.skip({ label: `the note on ${entry?.title ?? articleId}`, index: -1 }, `it was cut to ${MAX_NOTE_LENGTH.toLocaleString('en')} characters`);
    const updatedAt = times.length > 0 ? Math.max(...times) : 0;
    record.note = { text: noteText, tags: [...tags], revision: 0, updatedAt, ...(created.length > 0 ? { createdAt: Math.min(...created) } : {}) };
    record.highlights.sort((a, b) => a.position.start - b.position.start);
    record.updatedAt = updatedAt;
    if (inArchive) tally.onArticle(articleId);
    // The record as the store would read it: a last check that nothing above broke its schema.
    records.push(v.parse(NotesRecord, record));
  }
  return { records, tally: tally.result() };
}
