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
 *
 * In memory, for the worker's life: the pointer last read or written, with the store's
 * list it was checked against (`known`), and one engine per segment holding the files it
 * read (a recent segment's files from its build, never read back). A search whose store
 * list is the one `known` was checked against touches no storage at all; any change of the
 * store (capture, delete, Undo, import) gives a new list, so the next search checks again
 * and brings the index up first. A pointer changed in storage by anything but this module
 * drops `known`.
 */
import * as v from 'valibot';
import { summaryOf, type CapturedSummary } from '../../shared/captured-article';
import type { CapturedSearchResults } from '../../shared/messages/captured-messages';
import { buildSearchIndex, buildSearchIndexInSteps, docTerms, type DocTerms } from '../../shared/search-build';
import { SearchEngine, type HitDetails, type SearchHit, type SearchResults } from '../../shared/search-engine';
import { mergeResults } from '../../shared/search-merge';
import { parseQuery, isEmptyQuery } from '../../shared/search-query';
import { keysPrefixed, lockOf, onAreaChanged, readRaw, removeRaw, serializedByKey, writeRaw } from '../storage';
import { CAPTURED_INDEX_PREFIX, capturedSnapshot, getCaptured } from './store';

export const SEARCH_POINTER_KEY = 'captured-search';
const SEARCH_SCHEMA_VERSION = 2;
/** Articles in the recent segment before a merge: its rebuild on each capture stays a few ms. */
export const RECENT_LIMIT = 32;
/** Base articles deleted or replaced before a merge. */
export const HIDDEN_LIMIT = 64;
/**
 * Past its limit, the recent segment keeps growing (and is rebuilt on each capture) while
 * a merge runs in the background, up to this many times the limit; past that (an import,
 * a first build), the merge is done before the index answers.
 */
const MERGE_LATER_FACTOR = 4;

const Gen = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
const Segment = v.object({
  gen: Gen,
  /** id → capturedAt of the version indexed. */
  articles: v.record(v.string(), v.number()),
  files: v.array(v.string()),
});
type Segment = v.InferOutput<typeof Segment>;

/** What the stored pointer says of the base: its generation; its articles and files are in its manifest (written once, with its files). */
const BaseRef = v.object({ gen: Gen, count: v.number() });
const Manifest = v.object({ articles: Segment.entries.articles, files: Segment.entries.files });

const StoredPointer = v.object({
  schemaVersion: v.literal(SEARCH_SCHEMA_VERSION),
  base: v.nullable(BaseRef),
  recent: v.nullable(Segment),
  hidden: v.array(v.string()),
});
type StoredPointer = v.InferOutput<typeof StoredPointer>;

/** The pointer of schema 1 held the base's articles and files itself (0.19 MB at 5,000, written on every capture). */
const LegacyPointer = v.object({ schemaVersion: v.literal(1), base: v.nullable(Segment), recent: v.nullable(Segment), hidden: v.array(v.string()) });

/** The pointer with its base's manifest: what the index is made of. */
interface Pointer {
  base: Segment | null;
  recent: Segment | null;
  hidden: string[];
  /** Read from a pointer of schema 1: indexed again, into the new layout, on the next sync. */
  legacy?: true;
}

const EMPTY_POINTER: Pointer = { base: null, recent: null, hidden: [] };
const pointerLock = lockOf('local', SEARCH_POINTER_KEY);
const fileKey = (gen: string, path: string): string => `${SEARCH_POINTER_KEY}:${gen}:${path}`;
const MANIFEST = 'manifest';

const storedForm = (p: Pointer): StoredPointer => ({
  schemaVersion: SEARCH_SCHEMA_VERSION,
  base: p.base && { gen: p.base.gen, count: Object.keys(p.base.articles).length },
  recent: p.recent,
  hidden: p.hidden,
});

/** Base manifests by generation (a generation's files never change). */
const manifests = new Map<string, Segment>();

function unreadable(why: string): Pointer {
  console.warn(`Backstory: the captured articles' search index (${SEARCH_POINTER_KEY}) is unreadable (${why.replace(/\s*\n\s*/g, ' ')}); rebuilding it from the captured articles, which are unchanged`);
  return EMPTY_POINTER;
}

/** The stored pointer with its base; an unreadable one counts as none (the index is derived data: it is rebuilt from the store). */
async function readPointer(): Promise<Pointer> {
  const raw = await readRaw('local', SEARCH_POINTER_KEY);
  if (raw === undefined) return EMPTY_POINTER;
  const legacy = v.safeParse(LegacyPointer, raw);
  if (legacy.success) return { ...legacy.output, legacy: true };
  const parsed = v.safeParse(StoredPointer, raw);
  if (!parsed.success) return unreadable(v.summarize(parsed.issues));
  const { base, recent, hidden } = parsed.output;
  if (!base) return { base: null, recent, hidden };
  let manifest = manifests.get(base.gen);
  if (!manifest) {
    const stored = v.safeParse(Manifest, await readRaw('local', fileKey(base.gen, MANIFEST)));
    if (!stored.success) return unreadable(`its base ${base.gen} has no readable manifest`);
    manifests.set(base.gen, (manifest = { gen: base.gen, ...stored.output }));
  }
  return { base: manifest, recent, hidden };
}

/** The pointer this worker last read or wrote, and the store's list it indexes exactly (identity: capturedSnapshot). */
let known: { pointer: Pointer; stored: readonly CapturedSummary[] } | null = null;

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

/**
 * The terms of the recent segment's articles (by id and capturedAt: a version's text never
 * changes), kept for the worker's life: a capture rebuilds the recent segment from them and
 * tokenizes, and reads from storage, only its own article. Pruned to the recent segment.
 */
const recentTerms = new Map<string, DocTerms>();
/** Articles tokenized between two turns of the worker's event loop. */
const TOKENIZE_BATCH = 25;
/** Lets the worker's other tasks (messages, storage events) run. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const termsKey = (s: Pick<CapturedSummary, 'id' | 'capturedAt'>): string => `${s.id}:${s.capturedAt}`;

/** The articles' rows and terms, in archive order; those whose record is gone (or damaged) are left out. */
async function indexable(summaries: readonly CapturedSummary[], kind: 'base' | 'recent'): Promise<Array<{ row: CapturedSummary; terms: DocTerms }>> {
  const known = (s: CapturedSummary) => (kind === 'recent' ? recentTerms.get(termsKey(s)) : undefined);
  const read = await Promise.all(summaries.map(async (s) => known(s) ?? (await getCaptured(s.id))));
  const out: Array<{ row: CapturedSummary; terms: DocTerms }> = [];
  for (const [i, summary] of summaries.entries()) {
    const found = read[i];
    if (!found) continue;
    // A record is read as stored: its own title, date and capture time, if it changed since the summary.
    if ('paragraphs' in found) out.push({ row: summaryOf(found), terms: docTerms(found) });
    else out.push({ row: summary, terms: found });
    // Reading thousands of texts (a merge) would hold the worker: captures, searches and pages wait otherwise.
    if (i % TOKENIZE_BATCH === TOKENIZE_BATCH - 1) await nextTurn();
  }
  // Archive order: newest date first (then newest capture), as the engine's date filters expect.
  return out.sort((a, b) => b.row.date.localeCompare(a.row.date) || b.row.capturedAt - a.row.capturedAt || a.row.id.localeCompare(b.row.id));
}

/**
 * Builds one segment from these articles and stores its files (not yet named by the
 * pointer): a recent one's files stay in memory too, a base's manifest is stored with them.
 */
async function writeSegment(summaries: readonly CapturedSummary[], kind: 'base' | 'recent'): Promise<Segment | null> {
  if (summaries.length === 0) return null;
  const docs = await indexable(summaries, kind);
  if (docs.length === 0) return null;
  const gen = newGen();
  const rows = docs.map((d) => d.row);
  const terms = docs.map((d) => d.terms);
  // A base (thousands of articles) is built in steps, between turns of the event loop, so the worker keeps answering.
  const files = kind === 'base' ? await buildSearchIndexInSteps(rows, terms, nextTurn) : buildSearchIndex(rows, terms);
  const segment: Segment = { gen, articles: Object.fromEntries(docs.map((d) => [d.row.id, d.row.capturedAt])), files: [...files.keys()] };
  const entries = Object.fromEntries([...files].map(([path, value]) => [fileKey(gen, path), value]));
  if (kind === 'base') entries[fileKey(gen, MANIFEST)] = { articles: segment.articles, files: segment.files };
  await writeRaw('local', entries);
  // A small segment's files stay in memory (read back on every capture otherwise); a base's are read as queries need them.
  if (kind === 'recent') {
    builtFiles.set(gen, files);
    for (const d of docs) recentTerms.set(termsKey(d.row), d.terms);
  } else manifests.set(gen, segment);
  return segment;
}

const filesOf = (segment: Segment | null): string[] => (segment ? segment.files.map((path) => fileKey(segment.gen, path)) : []);
const keysOf = (pointer: Pointer): string[] => [...filesOf(pointer.base), ...(pointer.base && !pointer.legacy ? [fileKey(pointer.base.gen, MANIFEST)] : []), ...filesOf(pointer.recent)];

/**
 * Stores the pointer `after` in place of `read` (under the pointer's lock) and removes the
 * files only `read` named; on a refused write, removes the files only `after` named.
 */
async function commit(read: Pointer, after: Pointer, stored: readonly CapturedSummary[]): Promise<Pointer> {
  const kept = new Set(keysOf(after));
  try {
    known = null; // Until the pointer is stored: a failed write must not leave a pointer storage does not hold.
    await writeRaw('local', { [SEARCH_POINTER_KEY]: storedForm(after) });
  } catch (error) {
    const old = new Set(keysOf(read));
    await removeRaw('local', [...kept].filter((key) => !old.has(key))).catch(() => undefined);
    forgetEngines(read);
    throw error;
  }
  known = { pointer: after, stored };
  forgetEngines(after);
  await removeRaw('local', keysOf(read).filter((key) => !kept.has(key))).catch(() => undefined);
  return after;
}

/** The index of `stored` over this base: the articles the base does not hold (in their stored version) in a new recent segment. */
async function overBase(base: Segment | null, stored: readonly CapturedSummary[]): Promise<Pointer> {
  const inBase = new Set(stored.filter((s) => indexed(base, s)).map((s) => s.id));
  const rest = stored.filter((s) => !inBase.has(s.id));
  const hidden = Object.keys(base?.articles ?? {}).filter((id) => !inBase.has(id));
  return { base, recent: await writeSegment(rest, 'recent'), hidden };
}

let merging: Promise<void> | null = null;

/**
 * Removes the files of generations `pointer` does not name: what a worker stopped in the
 * middle of a merge (or of a segment's write) left, which nothing names and no later commit
 * would remove. Run under the pointer's lock (segment writes under it are then done) with
 * no merge of this worker building a base outside it. `readAll`: where the browser cannot
 * list keys, read the whole area to find them (a merge reads every article anyway).
 */
async function removeUnnamedFiles(pointer: Pointer, readAll: boolean): Promise<void> {
  if (pointer.legacy) return; // its files are named differently; the rebuild it gets removes them
  const prefix = `${SEARCH_POINTER_KEY}:`;
  const keys = await keysPrefixed('local', prefix, { readAll });
  if (!keys) return;
  const named = new Set([pointer.base?.gen, pointer.recent?.gen]);
  const unnamed = keys.filter((key) => !named.has(key.slice(prefix.length).split(':')[0]));
  if (unnamed.length === 0) return;
  await removeRaw('local', unnamed).catch((error: unknown) => console.warn('Backstory: files of an unfinished search-index merge not removed', error));
}

/** Whether this worker life has looked for files an earlier one left (on its first sync). */
let leftoversChecked = false;

/**
 * Merges everything into a new base while searches and captures go on: the base is built
 * outside the pointer's lock, and replaces the old one only if no other merge did meanwhile;
 * what was captured during the build goes to the new recent segment.
 */
function mergeLater(): void {
  merging ??= (async () => {
    try {
      const from = await serializedByKey(pointerLock, async () => {
        const read = await readPointer();
        await removeUnnamedFiles(read, true);
        return read;
      });
      const base = await writeSegment(await capturedSnapshot(), 'base');
      await serializedByKey(pointerLock, async () => {
        const read = await readPointer();
        if (base === null || read.base?.gen !== from.base?.gen || read.legacy) {
          if (base) await removeRaw('local', keysOf({ base, recent: null, hidden: [] }));
          return;
        }
        const stored = await capturedSnapshot();
        const after = await overBase(base, stored);
        await commit(read, after, stored);
      });
    } catch (error) {
      console.warn('Backstory: captured search index not merged (it stays searchable as it was)', error);
    } finally {
      merging = null;
    }
  })();
}

/** A merge under way in the background, if any, settled. */
export function capturedSearchMerged(): Promise<void> {
  return merging ?? Promise.resolve();
}

/**
 * Brings the index up to the store: rebuilds the recent segment (a capture costs that,
 * never the whole index), or merges everything into a new base when recent or hidden is
 * far past its limit (an import, a rebuild); just past it, the merge runs in the
 * background. Answers the pointer now stored.
 */
export function syncCapturedSearch(options: { rebuild?: boolean } = {}): Promise<Pointer> {
  return serializedByKey(pointerLock, async () => {
    const stored = await capturedSnapshot();
    const read = await readPointer(); // fresh, under the pointer's lock: this may change it
    // On waking: a merge an earlier worker life did not finish left files (cheap only where keys can be listed).
    const onWaking = !leftoversChecked && merging === null;
    if (onWaking) leftoversChecked = true;
    const rebuild = options.rebuild === true || read.legacy === true;
    if (!rebuild && upToDate(read, stored)) {
      if (onWaking) await removeUnnamedFiles(read, false);
      known = { pointer: read, stored };
      return read;
    }
    const inBase = stored.filter((s) => indexed(read.base, s));
    const rest = stored.length - inBase.length;
    const hidden = Object.keys(read.base?.articles ?? {}).length - inBase.length;
    const due = rest > RECENT_LIMIT || hidden > HIDDEN_LIMIT || (inBase.length === 0 && read.base !== null);
    const now = rebuild || read.base === null || inBase.length === 0 || rest > RECENT_LIMIT * MERGE_LATER_FACTOR || hidden > HIDDEN_LIMIT * MERGE_LATER_FACTOR;
    // A merge now looks for them anyway (reading everything if it must): once, not again on waking.
    const mergeNow = due && now && merging === null;
    if (mergeNow || onWaking) await removeUnnamedFiles(read, mergeNow);
    const after = due && now ? { base: await writeSegment(stored, 'base'), recent: null, hidden: [] } : await overBase(rebuild ? null : read.base, stored);
    const committed = await commit(read, after, stored);
    if (due && !now) mergeLater();
    return committed;
  });
}

/** The same segments and hidden list: what this module wrote (generations are never reused). */
function samePointer(a: Pointer, b: unknown): boolean {
  const parsed = v.safeParse(StoredPointer, b);
  if (!parsed.success) return false;
  const p = parsed.output;
  return a.base?.gen === p.base?.gen && a.recent?.gen === p.recent?.gen && a.hidden.join() === p.hidden.join();
}

let watchingPointer = false;
/** A pointer changed in storage by anything but syncCapturedSearch (another version of it, a hand edit) is read again. */
function watchPointer(): void {
  if (watchingPointer) return;
  watchingPointer = true;
  onAreaChanged('local', (changes) => {
    const change = changes[SEARCH_POINTER_KEY];
    if (change && known && !samePointer(known.pointer, change.newValue)) known = null;
  });
}

/** Keeps the index following the store: every change of the store's index key brings it up to date. */
export function watchCapturedArticles(): void {
  watchPointer();
  onAreaChanged('local', (changes) => {
    if (Object.keys(changes).some((key) => key.startsWith(CAPTURED_INDEX_PREFIX))) void syncCapturedSearch().catch((error: unknown) => console.warn('Backstory: captured search index not updated', error));
  });
}

/** A file the pointer names is not stored (or not readable): the index is broken, not the articles. */
class MissingIndexFile extends Error {
  override name = 'MissingIndexFile';
}

/** Files of the recent segments this worker built, by generation, for their engines. */
const builtFiles = new Map<string, Map<string, unknown>>();
/** Engines by generation (a generation's files never change), kept while the pointer names them. */
const engines = new Map<string, SearchEngine>();

/** Engines and built files of generations this pointer no longer names are never asked again. */
function forgetEngines(pointer: Pointer): void {
  const named = new Set([pointer.base?.gen, pointer.recent?.gen]);
  for (const gen of engines.keys()) if (!named.has(gen)) engines.delete(gen);
  for (const gen of builtFiles.keys()) if (!named.has(gen)) builtFiles.delete(gen);
  for (const gen of manifests.keys()) if (!named.has(gen)) manifests.delete(gen);
  const recent = new Set(Object.entries(pointer.recent?.articles ?? {}).map(([id, capturedAt]) => termsKey({ id, capturedAt })));
  for (const key of recentTerms.keys()) if (!recent.has(key)) recentTerms.delete(key);
}

function engineOf(segment: Segment): SearchEngine {
  let engine = engines.get(segment.gen);
  if (!engine) {
    const built = builtFiles.get(segment.gen);
    engine = new SearchEngine(async (path) => {
      const article = /^articles\/([0-9a-f]{16})\.json$/.exec(path);
      if (article) {
        const record = await getCaptured(article[1]!);
        if (!record) throw new Error(`captured article ${article[1]} is no longer stored`);
        return record;
      }
      const value = built?.has(path) ? built.get(path) : await readRaw('local', fileKey(segment.gen, path));
      if (value === undefined) throw new MissingIndexFile(`captured search index has no ${path}`);
      return value;
    });
    engines.set(segment.gen, engine);
  }
  return engine;
}

/** The pointer indexing the store as it is now: from memory when the store has not changed since it was checked. */
async function currentPointer(): Promise<Pointer> {
  watchPointer();
  const stored = await capturedSnapshot();
  if (known?.stored === stored) return known.pointer;
  return syncCapturedSearch();
}

/** Captured articles matching the query, best first (newest first for an empty query), as the bundled engine answers. */
export async function searchCaptured(query: string, limit: number): Promise<SearchResults> {
  try {
    return await searchSegments(await currentPointer(), query, limit);
  } catch (error) {
    if (!(error instanceof MissingIndexFile)) throw error;
    console.warn(`Backstory: the captured articles' search index is damaged (${error.message}); rebuilding it from the captured articles, which are unchanged`);
    return searchSegments(await syncCapturedSearch({ rebuild: true }), query, limit);
  }
}

async function searchSegments(pointer: Pointer, query: string, limit: number): Promise<SearchResults> {
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

/** The search with the details of its first `withDetails` hits (one answer for the popup). */
export async function searchCapturedWithDetails(query: string, limit: number, withDetails: number): Promise<CapturedSearchResults> {
  const before = await capturedSnapshot();
  const answer = await answerWithDetails(query, limit, withDetails);
  // Reading a hit's text may have set a damaged record aside (the store drops it from its index): answer again without it.
  return (await capturedSnapshot()) === before ? answer : answerWithDetails(query, limit, withDetails);
}

async function answerWithDetails(query: string, limit: number, withDetails: number): Promise<CapturedSearchResults> {
  const results = await searchCaptured(query, limit);
  const shown = results.hits.slice(0, withDetails);
  // A hit whose article cannot be read shows without a snippet, as the popup shows any such hit.
  const found = await Promise.all(shown.map((hit) => capturedHitDetails(hit, query).catch(() => null)));
  const details: Record<string, HitDetails> = {};
  shown.forEach((hit, i) => {
    if (found[i]) details[hit.id] = found[i];
  });
  return { ...results, details };
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
