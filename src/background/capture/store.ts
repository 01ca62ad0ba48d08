/**
 * The store of captured articles: the one module that reads and writes them (through
 * src/background/storage.ts, which alone touches browser.storage). storage.local with
 * unlimitedStorage (docs/capture.md says why, with figures):
 *
 *   captured:<id>    one record per article (CapturedArticle: text, entities, dates)
 *   captured-index   { schemaVersion, articles: { <id>: CapturedSummary } }: what lists
 *                    and the URL lookup need, without reading any article's text
 *
 * Each record's key and the index key are changed only under their locks, on a fresh
 * read; a put takes the record's lock, then the index's (always in that order). A write
 * the browser refuses (a full disk) leaves what was stored before as it was: the record is
 * written first and put back (or removed) if the index cannot follow. Anything stored that
 * fails its schema is quarantined (kept aside, src/background/storage.ts), never trusted;
 * an unreadable index is rebuilt from the records.
 */
import * as v from 'valibot';
import {
  CAPTURE_SCHEMA_VERSION,
  CapturedArticle,
  summaryOf,
  type CapturedArticle as CapturedArticleType,
  type CapturedSummary,
} from '../../shared/captured-article';
import { ArticleId } from '../../shared/notes-schema';
import { CodedError, errorCode } from '../../shared/result';
import { lockOf, onAreaChanged, quarantine, readPrefixed, readRaw, removeRaw, serializedByKey, writeRaw } from '../storage';

export const CAPTURED_PREFIX = 'captured:';
export const CAPTURED_INDEX_KEY = 'captured-index';

export const capturedKey = (id: string): string => `${CAPTURED_PREFIX}${id}`;

const Summary = v.object({
  id: ArticleId,
  url: v.string(),
  key: v.string(),
  host: v.string(),
  title: v.string(),
  date: v.string(),
  site: v.string(),
  capturedAt: v.number(),
});

const Index = v.object({
  schemaVersion: v.literal(CAPTURE_SCHEMA_VERSION),
  articles: v.record(v.string(), Summary),
});
type Index = v.InferOutput<typeof Index>;

const emptyIndex = (): Index => ({ schemaVersion: CAPTURE_SCHEMA_VERSION, articles: {} });

/**
 * The index as this worker last read or wrote it, with its URL keys: the page lookup asks
 * on every page load of an archived site. Dropped whenever storage reports the index key
 * changed (by anyone, this worker included), so it is never older than storage.
 */
let cached: { index: Index; byKey: Map<string, string>; newestFirst?: readonly CapturedSummary[] } | null = null;
let cacheWatched = false;

function watchCache(): void {
  if (cacheWatched) return;
  cacheWatched = true;
  onAreaChanged('local', (changes) => {
    if (Object.hasOwn(changes, CAPTURED_INDEX_KEY)) cached = null;
  });
}

function remember(index: Index): Index {
  cached = { index, byKey: new Map(Object.values(index.articles).map((summary) => [summary.key, summary.id])) };
  return index;
}

/** Storage failures keep their code (storage-full on a full disk) and say what was being done. */
function storageError(doing: string, error: unknown): CodedError {
  const code = errorCode(error);
  const why = error instanceof Error ? error.message : String(error);
  return new CodedError(code === 'internal' ? 'storage-failed' : code, `${doing}: ${why}`);
}

/** A stored record, validated; anything else is quarantined and read as absent. */
async function settledRecord(id: string): Promise<CapturedArticleType | null> {
  const key = capturedKey(id);
  const raw = await readRaw('local', key);
  if (raw === undefined) return null;
  const parsed = v.safeParse(CapturedArticle, raw);
  if (parsed.success && parsed.output.id === id) return parsed.output as CapturedArticleType;
  const reason = parsed.success ? `the record names article ${parsed.output.id}` : v.summarize(parsed.issues);
  await quarantine('local', key, raw, `captured article: ${reason}`);
  return null;
}

/** Builds the index again from the records (the stored one could not be read). */
async function rebuiltIndex(): Promise<Index> {
  const index = emptyIndex();
  for (const key of Object.keys(await readPrefixed('local', CAPTURED_PREFIX))) {
    const record = await settledRecord(key.slice(CAPTURED_PREFIX.length));
    if (record) index.articles[record.id] = summaryOf(record);
  }
  return index;
}

/** The index read from storage (not the cache); an unreadable one is quarantined and rebuilt. Call under the index lock. */
async function freshIndex(): Promise<Index> {
  const raw = await readRaw('local', CAPTURED_INDEX_KEY);
  if (raw === undefined) return emptyIndex();
  const parsed = v.safeParse(Index, raw);
  if (parsed.success) return parsed.output;
  await quarantine('local', CAPTURED_INDEX_KEY, raw, `captured-article index: ${v.summarize(parsed.issues)}`);
  const rebuilt = await rebuiltIndex();
  await writeRaw('local', { [CAPTURED_INDEX_KEY]: rebuilt });
  return rebuilt;
}

const indexLock = lockOf('local', CAPTURED_INDEX_KEY);
const recordLock = (id: string): string => lockOf('local', capturedKey(id));

async function readIndex(): Promise<Index> {
  watchCache();
  if (cached) return cached.index;
  return remember(await serializedByKey(indexLock, freshIndex));
}

/** Changes the index under its lock, on a fresh read; rejects (storage-full…) with the index as it was. */
function updateIndex(change: (index: Index) => void): Promise<Index> {
  watchCache();
  return serializedByKey(indexLock, async () => {
    const index = await freshIndex();
    change(index);
    await writeRaw('local', { [CAPTURED_INDEX_KEY]: index });
    return remember(index);
  });
}

/**
 * Every captured article, newest capture first, as one list that stays the same object
 * while the index does: a caller may keep what it derived from it and compare the list it
 * was derived from (the search index does, on every search). Never to be changed.
 */
export async function capturedSnapshot(): Promise<readonly CapturedSummary[]> {
  const index = await readIndex();
  const newestFirst = (): CapturedSummary[] => Object.values(index.articles).sort((a, b) => b.capturedAt - a.capturedAt);
  if (cached?.index !== index) return newestFirst();
  return (cached.newestFirst ??= Object.freeze(newestFirst()));
}

/** Every captured article, newest capture first. */
export async function listCaptured(): Promise<CapturedSummary[]> {
  return [...(await capturedSnapshot())];
}

/** The captured article with this id, or null. */
export async function getCaptured(id: string): Promise<CapturedArticleType | null> {
  if (!v.is(ArticleId, id) || !Object.hasOwn((await readIndex()).articles, id)) return null;
  return serializedByKey(recordLock(id), () => settledRecord(id));
}

/** The summary (no text) of the captured article with this id, or null. */
export async function getCapturedSummary(id: string): Promise<CapturedSummary | null> {
  return (await readIndex()).articles[id] ?? null;
}

/** The captured article with this normalized URL key (src/shared/url-key.ts), or null. */
export async function findCapturedByUrlKey(key: string): Promise<CapturedSummary | null> {
  const index = await readIndex();
  const id = cached?.index === index ? cached.byKey.get(key) : Object.values(index.articles).find((s) => s.key === key)?.id;
  return id === undefined ? null : index.articles[id] ?? null;
}

/**
 * Stores an article (a new capture, or one replaced); resolves once both the record and
 * the index are stored. On a refused write it rejects with storage-full (or storage-failed)
 * and storage holds what it held before.
 */
export async function putCaptured(article: CapturedArticleType): Promise<CapturedArticleType> {
  const parsed = v.safeParse(CapturedArticle, article);
  if (!parsed.success) throw new CodedError('invalid-request', `captured article ${article.id}: ${v.summarize(parsed.issues)}`);
  const record = parsed.output as CapturedArticleType;
  const key = capturedKey(record.id);
  return serializedByKey(recordLock(record.id), async () => {
    const before = await readRaw('local', key);
    try {
      await writeRaw('local', { [key]: record });
    } catch (error) {
      throw storageError(`archiving ${record.url}`, error);
    }
    try {
      await updateIndex((index) => {
        index.articles[record.id] = summaryOf(record);
      });
    } catch (error) {
      // The record without its index entry would be invisible: put back what was there.
      await (before === undefined ? removeRaw('local', [key]) : writeRaw('local', { [key]: before })).catch(() => undefined);
      throw storageError(`archiving ${record.url}`, error);
    }
    return record;
  });
}

/** Deletes a captured article; answers the record (for Undo: restoreCaptured), or null if there was none. */
export async function deleteCaptured(id: string): Promise<CapturedArticleType | null> {
  if (!v.is(ArticleId, id)) return null;
  return serializedByKey(recordLock(id), async () => {
    const record = await settledRecord(id);
    try {
      // The index first: a record no index names is only unused space, an index entry without its record a broken link.
      await updateIndex((index) => {
        delete index.articles[id];
      });
      await removeRaw('local', [capturedKey(id)]);
    } catch (error) {
      throw storageError(`deleting captured article ${id}`, error);
    }
    return record;
  });
}

/** Puts a deleted (or backed-up) article back as it was, its capture time included. */
export async function restoreCaptured(article: unknown): Promise<CapturedArticleType> {
  const parsed = v.safeParse(CapturedArticle, article);
  if (!parsed.success) throw new CodedError('invalid-request', `not a captured article: ${v.summarize(parsed.issues)}`);
  return putCaptured(parsed.output as CapturedArticleType);
}
