/**
 * The search index of captured articles, in the bundled archive's own format
 * (src/shared/search-format.ts, built by src/shared/search-build.ts), kept in
 * storage.local by the worker and searched by the worker for the popup
 * (`capture/search`), so the popup searches both archives the same way.
 *
 * A document's number is its place in date order, so one more article renumbers them
 * all: the index is two segments, each a whole index of its own,
 *
 *   base     every article captured up to the last merge (rebuilt rarely: seconds at 5,000)
 *   recent   the articles captured since (at most RECENT_LIMIT: rebuilt on every capture, ms)
 *
 * plus `hidden`, the base's articles deleted or replaced since, left out of its answers.
 * When recent or hidden outgrows its limit, everything is merged into a new base.
 *
 *   captured-search                   { schemaVersion, base, recent, hidden }  (the pointer)
 *   captured-search:<gen>:<path>      one file of one segment (search/meta.json, …)
 *
 * A segment's files are written under a new generation before the pointer names them and
 * removed only after it no longer does: a search never sees half an index, and a refused
 * write (full disk) leaves the previous index in place. The pointer is read and changed
 * only under its lock; it is brought up to date whenever the store's index key changes,
 * and again before any search that finds it behind the store (the worker may have stopped
 * in between).
 */
import * as v from 'valibot';
import type { Article } from '../../shared/archive-format';
import type { CapturedSummary } from '../../shared/captured-article';
import { buildSearchIndex } from '../../shared/search-build';
import { SearchEngine, type HitDetails, type SearchHit, type SearchResults } from '../../shared/search-engine';
import { mergeResults } from '../../shared/search-merge';
import { parseQuery, isEmptyQuery } from '../../shared/search-query';
import { lockOf, onAreaChanged, readRaw, removeRaw, serializedByKey, writeRaw } from '../storage';
import { CAPTURED_INDEX_KEY, getCaptured, listCaptured } from './store';

export const SEARCH_POINTER_KEY = 'captured-search';
const SEARCH_SCHEMA_VERSION = 1;
/** Articles in the recent segment before a merge: its rebuild on each capture stays a few ms. */
export const RECENT_LIMIT = 32;
/** Base articles deleted or replaced before a merge. */
export const HIDDEN_LIMIT = 64;

const Segment = v.object({
  gen: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  /** id → capturedAt of the version indexed. */
  articles: v.record(v.string(), v.number()),
  files: v.array(v.string()),
});
type Segment = v.InferOutput<typeof Segment>;

const Pointer = v.object({
  schemaVersion: v.literal(SEARCH_SCHEMA_VERSION),
  base: v.nullable(Segment),
  recent: v.nullable(Segment),
  hidden: v.array(v.string()),
});
type Pointer = v.InferOutput<typeof Pointer>;

const EMPTY_POINTER: Pointer = { schemaVersion: SEARCH_SCHEMA_VERSION, base: null, recent: null, hidden: [] };
const pointerLock = lockOf('local', SEARCH_POINTER_KEY);
const fileKey = (gen: string, path: string): string => `${SEARCH_POINTER_KEY}:${gen}:${path}`;

/** The stored pointer; an unreadable one counts as none (the index is derived data: it is rebuilt). */
async function readPointer(): Promise<Pointer> {
  const parsed = v.safeParse(Pointer, await readRaw('local', SEARCH_POINTER_KEY));
  return parsed.success ? parsed.output : EMPTY_POINTER;
}

const indexed = (segment: Segment | null, summary: CapturedSummary): boolean => segment?.articles[summary.id] === summary.capturedAt;

/** Whether the pointer indexes exactly the stored articles (each in the version stored). */
function upToDate(pointer: Pointer, stored: readonly CapturedSummary[]): boolean {
  const hidden = new Set(pointer.hidden);
  const visible = (segment: Segment | null): number => Object.keys(segment?.articles ?? {}).filter((id) => !hidden.has(id)).length;
  if (visible(pointer.base) + visible(pointer.recent) !== stored.length) return false;
  return stored.every((s) => (indexed(pointer.base, s) && !hidden.has(s.id)) || indexed(pointer.recent, s));
}

let generation = 0;
function newGen(): string {
  generation += 1;
  return `${Date.now().toString(36)}-${generation.toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** Builds one segment from these articles and stores its files (not yet named by the pointer). */
async function writeSegment(summaries: readonly CapturedSummary[]): Promise<Segment | null> {
  if (summaries.length === 0) return null;
  const records = (await Promise.all(summaries.map((s) => getCaptured(s.id)))).filter((r): r is NonNullable<typeof r> => r !== null);
  // Archive order: newest date first (then newest capture), as the engine's date filters expect.
  records.sort((a, b) => b.date.localeCompare(a.date) || b.capturedAt - a.capturedAt || a.id.localeCompare(b.id));
  const gen = newGen();
  const files = buildSearchIndex(records as Article[]);
  await writeRaw('local', Object.fromEntries([...files].map(([path, value]) => [fileKey(gen, path), value])));
  return { gen, articles: Object.fromEntries(records.map((r) => [r.id, r.capturedAt])), files: [...files.keys()] };
}

const filesOf = (segment: Segment | null): string[] => (segment ? segment.files.map((path) => fileKey(segment.gen, path)) : []);

/**
 * Brings the index up to the store: rebuilds the recent segment, or merges everything into
 * a new base when recent or hidden is past its limit. Answers the pointer now stored.
 */
export function syncCapturedSearch(): Promise<Pointer> {
  return serializedByKey(pointerLock, async () => {
    const before = await readPointer();
    const stored = await listCaptured();
    if (upToDate(before, stored)) return before;
    const inBase = stored.filter((s) => indexed(before.base, s));
    const inBaseIds = new Set(inBase.map((s) => s.id));
    const rest = stored.filter((s) => !inBaseIds.has(s.id));
    const hidden = Object.keys(before.base?.articles ?? {}).filter((id) => !inBaseIds.has(id));
    let after: Pointer;
    if (rest.length > RECENT_LIMIT || hidden.length > HIDDEN_LIMIT || (inBase.length === 0 && before.base !== null)) {
      after = { schemaVersion: SEARCH_SCHEMA_VERSION, base: await writeSegment(stored), recent: null, hidden: [] };
    } else {
      after = { schemaVersion: SEARCH_SCHEMA_VERSION, base: before.base, recent: await writeSegment(rest), hidden };
    }
    try {
      await writeRaw('local', { [SEARCH_POINTER_KEY]: after });
    } catch (error) {
      await removeRaw('local', [...filesOf(after.recent), ...(after.base !== before.base ? filesOf(after.base) : [])]).catch(() => undefined);
      throw error;
    }
    const kept = new Set([...filesOf(after.base), ...filesOf(after.recent)]);
    await removeRaw('local', [...filesOf(before.base), ...filesOf(before.recent)].filter((key) => !kept.has(key))).catch(() => undefined);
    return after;
  });
}

/** Keeps the index following the store: every change of the store's index key brings it up to date. */
export function watchCapturedArticles(): void {
  onAreaChanged('local', (changes) => {
    if (Object.hasOwn(changes, CAPTURED_INDEX_KEY)) void syncCapturedSearch().catch((error: unknown) => console.warn('Backstory: captured search index not updated', error));
  });
}

/** Engines by generation (a generation's files never change), kept while the worker lives. */
const engines = new Map<string, SearchEngine>();
function engineOf(segment: Segment): SearchEngine {
  let engine = engines.get(segment.gen);
  if (!engine) {
    engine = new SearchEngine(async (path) => {
      const article = /^articles\/([0-9a-f]{16})\.json$/.exec(path);
      if (article) {
        const record = await getCaptured(article[1]!);
        if (!record) throw new Error(`captured article ${article[1]} is no longer stored`);
        return record;
      }
      const value = await readRaw('local', fileKey(segment.gen, path));
      if (value === undefined) throw new Error(`captured search index has no ${path}`);
      return value;
    });
    engines.set(segment.gen, engine);
  }
  return engine;
}

async function currentPointer(): Promise<Pointer> {
  const [read, stored] = await Promise.all([serializedByKey(pointerLock, readPointer), listCaptured()]);
  const pointer = upToDate(read, stored) ? read : await syncCapturedSearch();
  // Engines of generations the pointer no longer names are never asked again.
  for (const gen of engines.keys()) if (gen !== pointer.base?.gen && gen !== pointer.recent?.gen) engines.delete(gen);
  return pointer;
}

/** Captured articles matching the query, best first (newest first for an empty query), as the bundled engine answers. */
export async function searchCaptured(query: string, limit: number): Promise<SearchResults> {
  const pointer = await currentPointer();
  const hidden = new Set(pointer.hidden);
  const segments = [pointer.base, pointer.recent].filter((s): s is Segment => s !== null);
  const answers = await Promise.all(
    segments.map(async (segment) => {
      const { hits, total } = await engineOf(segment).search(query, segment === pointer.base ? limit + hidden.size : limit);
      const visible = hits.filter((hit) => segment !== pointer.base || !hidden.has(hit.id));
      return { hits: visible, total: Math.max(visible.length, total - (hits.length - visible.length)) };
    }),
  );
  return mergeResults(answers, limit, isEmptyQuery(parseQuery(query)));
}

/** The snippet and matched entities of one captured hit. */
export async function capturedHitDetails(hit: Pick<SearchHit, 'id' | 'matched'>, query: string): Promise<HitDetails> {
  const pointer = await currentPointer();
  const segment = [pointer.recent, pointer.base].find((s) => s !== null && Object.hasOwn(s.articles, hit.id));
  if (!segment) throw new Error(`captured article ${hit.id} is not stored`);
  return engineOf(segment).details({ ...hit, url: '', title: '', date: '', host: '', score: 0 }, query);
}

/** Captured articles with this entity (by id; found through the index by its name), newest first. */
export async function capturedMentioning(entityId: string, name: string, limit: number): Promise<Array<Pick<SearchHit, 'id' | 'url' | 'title' | 'date' | 'host'>>> {
  const words = name.replace(/"/g, ' ').trim();
  if (words === '') return [];
  const { hits } = await searchCaptured(`entity:"${words}"`, 100);
  const records = await Promise.all(hits.map((hit) => getCaptured(hit.id)));
  return hits
    .filter((_, i) => records[i]?.entities.some((entity) => entity.id === entityId))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, limit)
    .map(({ id, url, title, date, host }) => ({ id, url, title, date, host }));
}
