/**
 * Which article a notes record that came from outside this browser's own sidebar (an
 * imported backup, another browser through sync) is about, decided by the archive's
 * catalog, never by the record. A record names its article by id; only an id in the
 * catalog makes it a note on an archived article, and then its title and address are the
 * catalog's. The record's own `url` counts only as a claim to check: an http(s) address
 * with the same URL key as the catalog's. A record whose id the catalog does not have is
 * kept (nothing the user wrote is dropped) and shown as a note on an article this archive
 * does not have: its claimed title only as text, its address only if http(s), never as a link.
 */
import type { CatalogEntry } from '../../shared/archive-format';
import type { NoteSearchResult } from '../../shared/messages/notes-messages';
import type { NotesRecord } from '../../shared/notes-schema';
import { tryUrlKey } from '../../shared/url-key';

export type CatalogLookup = (articleId: string) => Promise<Pick<CatalogEntry, 'title' | 'url'> | null>;

/** `url` when it is an absolute http(s) address that could be an article's, else null. */
export function checkedUrl(url: string): string | null {
  return tryUrlKey(url) === null ? null : url;
}

export type Placement =
  | {
      inArchive: true;
      /** The record with the catalog's title and address. */
      record: NotesRecord;
      /** The record's own address, when it was not this article's (shown to the user, then dropped). */
      wrongUrl: string | null;
    }
  | {
      inArchive: false;
      /** The record with its address emptied unless it is http(s); its title is the record's own claim. */
      record: NotesRecord;
    };

/** Places one record against its catalog entry (null: not in the archive). */
export function placeRecord(record: NotesRecord, entry: Pick<CatalogEntry, 'title' | 'url'> | null): Placement {
  if (entry === null) return { inArchive: false, record: { ...record, url: checkedUrl(record.url) ?? '' } };
  const claimed = tryUrlKey(record.url);
  const wrongUrl = record.url === '' || (claimed !== null && claimed === tryUrlKey(entry.url)) ? null : record.url;
  return { inArchive: true, record: { ...record, articleTitle: entry.title, url: entry.url }, wrongUrl };
}

export async function placeAll(records: readonly NotesRecord[], lookup: CatalogLookup): Promise<Placement[]> {
  return Promise.all(records.map(async (record) => placeRecord(record, await lookup(record.articleId))));
}

/** The records split into notes on archived articles (catalog title and address) and the rest. */
export async function splitByCatalog(
  records: readonly NotesRecord[],
  lookup: CatalogLookup,
): Promise<{ inArchive: NotesRecord[]; notInArchive: NotesRecord[] }> {
  const placed = await placeAll(records, lookup);
  return {
    inArchive: placed.filter((p) => p.inArchive).map((p) => p.record),
    notInArchive: placed.filter((p) => !p.inArchive).map((p) => p.record),
  };
}

/**
 * The first `limit` search hits whose article is in the catalog, with the catalog's title
 * and address, looking up only as many hits as it takes (a few at a time), not every
 * record: with 100,000 articles and 10,000 notes, checking every record read most of the
 * catalog's shards into the worker on each search. The hits come from stored records,
 * which were placed against the catalog when written (save, import, sync), so their
 * titles are the catalog's.
 */
export async function firstHitsInCatalog(hits: readonly NoteSearchResult[], limit: number, lookup: CatalogLookup): Promise<NoteSearchResult[]> {
  const entries = new Map<string, Promise<Pick<CatalogEntry, 'title' | 'url'> | null>>();
  const entryOf = (articleId: string): Promise<Pick<CatalogEntry, 'title' | 'url'> | null> => {
    let entry = entries.get(articleId);
    if (!entry) entries.set(articleId, (entry = lookup(articleId)));
    return entry;
  };
  const found: NoteSearchResult[] = [];
  const batch = Math.max(1, limit);
  for (let from = 0; from < hits.length && found.length < limit; from += batch) {
    const slice = hits.slice(from, from + batch);
    const placed = await Promise.all(slice.map((hit) => entryOf(hit.articleId)));
    slice.forEach((hit, i) => {
      const entry = placed[i];
      if (entry && found.length < limit) found.push({ ...hit, articleTitle: entry.title, url: entry.url });
    });
  }
  return found;
}
