/**
 * The store of captured articles: the one module that reads and writes them (through
 * src/background/storage.ts, which alone touches browser.storage). storage.local with
 * unlimitedStorage (docs/capture.md says why, with figures):
 *
 *   captured:<id>              one record per article (CapturedArticle: text, entities, dates)
 *   captured-index:<hh>        { schemaVersion, articles: { <id>: CapturedSummary } } for the
 *                              ids starting with the two hex digits hh (256 shards): what lists
 *                              and the URL lookup need, without reading any article's text
 *
 * A capture or a delete rewrites its record and one shard (about 1/256 of the index: 7 KB
 * at 5,000 articles), never the whole index; the worker keeps every shard it read and
 * changes its copy in place. Each record's key and each shard are changed only under
 * their locks, on a fresh read; a put takes the record's lock, then the shard's (always in
 * that order). A write the browser refuses (a full disk) leaves what was stored before as
 * it was: the record is written first and put back (or removed) if its shard cannot
 * follow. Anything stored that fails its schema is quarantined (kept aside,
 * src/background/storage.ts; listed with the notes' damaged records), never trusted, and
 * leaves the index: a damaged shard is rebuilt from its records, a damaged record is
 * dropped from its shard. The single-key index of schema 1 (`captured-index`) is split
 * into shards once, on the first read.
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
import { CAPTURED_INDEX_PREFIX, INDEX_SCHEMA_VERSION, SHARDS, shardKey, shardOf, shardValue } from './index-layout';
import { lockOf, onAreaChanged, quarantine, readManyRaw, readPrefixed, readRaw, removeRaw, serializedByKey, writeRaw } from '../storage';

export const CAPTURED_PREFIX = 'captured:';
export { CAPTURED_INDEX_PREFIX } from './index-layout';
/** The whole index in one key (index schema 1): read once, to be split into shards. */
const LEGACY_INDEX_KEY = 'captured-index';

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

type Articles = Record<string, CapturedSummary>;

const shardSchema = (shard: string) =>
  v.pipe(
    v.object({ schemaVersion: v.literal(INDEX_SCHEMA_VERSION), articles: v.record(v.string(), Summary) }),
    v.check((value) => Object.entries(value.articles).every(([id, s]) => s.id === id && shardOf(id) === shard), `every article of shard ${shard} is filed under its own id, which starts with ${shard}`),
  );

const LegacyIndex = v.object({ schemaVersion: v.literal(CAPTURE_SCHEMA_VERSION), articles: v.record(v.string(), Summary) });


/**
 * The index as this worker last read or wrote it: every shard, the summaries by id and by
 * URL key (the page lookup asks on every page load of an archived site), and the list
 * newest first (built again only after a change). A shard storage reports changed to
 * anything but what this worker holds is read again before the next answer.
 */
interface Memory {
  shards: Map<string, { articles: Articles; json: string }>;
  byId: Map<string, CapturedSummary>;
  byKey: Map<string, string>;
  stale: Set<string>;
  /** What this worker's shard writes under way store: storage may report them before they resolve. */
  writing: Map<string, string>;
  newestFirst: readonly CapturedSummary[] | null;
}
let memory: Memory | null = null;
let loading: Promise<Memory> | null = null;
const changedWhileLoading = new Set<string>();
let watching = false;

function watchShards(): void {
  if (watching) return;
  watching = true;
  onAreaChanged('local', (changes) => {
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(CAPTURED_INDEX_PREFIX)) continue;
      const shard = key.slice(CAPTURED_INDEX_PREFIX.length);
      // While the shards are being read, what they read may be older than this change.
      if (!memory) changedWhileLoading.add(shard);
      const reported = change.newValue === undefined ? '' : JSON.stringify(change.newValue);
      if (memory && reported !== memory.shards.get(shard)?.json && reported !== memory.writing.get(shard)) memory.stale.add(shard);
    }
  });
}

/** Puts a shard's content (as stored: `json`) into memory, in place of what it held. */
function applyShard(mem: Memory, shard: string, articles: Articles, json: string): void {
  const before = mem.shards.get(shard);
  if (before?.json === json) return;
  for (const old of Object.values(before?.articles ?? {})) {
    mem.byId.delete(old.id);
    if (mem.byKey.get(old.key) === old.id) mem.byKey.delete(old.key);
  }
  for (const summary of Object.values(articles)) {
    mem.byId.set(summary.id, summary);
    mem.byKey.set(summary.key, summary.id);
  }
  mem.shards.set(shard, { articles, json });
  mem.newestFirst = null;
}

/** Storage failures keep their code (storage-full on a full disk) and say what was being done. */
function storageError(doing: string, error: unknown): CodedError {
  const code = errorCode(error);
  const why = error instanceof Error ? error.message : String(error);
  return new CodedError(code === 'internal' ? 'storage-failed' : code, `${doing}: ${why}`);
}

/** Why a stored record cannot be trusted as article `id`, or null when it can. */
function recordProblem(id: string, raw: unknown): string | null {
  const parsed = v.safeParse(CapturedArticle, raw);
  if (parsed.success) return parsed.output.id === id ? null : `the record names article ${parsed.output.id}`;
  return v.summarize(parsed.issues).replace(/\s*\n\s*/g, '; ');
}

const recordLock = (id: string): string => lockOf('local', capturedKey(id));
const shardLock = (shard: string): string => lockOf('local', shardKey(shard));

/**
 * A stored record, validated; anything else is quarantined, dropped from the index (so it
 * is neither listed nor found) and read as absent. Call under the record's lock.
 */
async function settledRecord(id: string): Promise<CapturedArticleType | null> {
  const key = capturedKey(id);
  const raw = await readRaw('local', key);
  if (raw === undefined) return null;
  const problem = recordProblem(id, raw);
  if (problem === null) return raw as CapturedArticleType;
  await quarantine('local', key, raw, `captured article: ${problem}`);
  await updateShards([shardOf(id)], (articles) => {
    delete articles[shardOf(id)]![id];
  });
  return null;
}

/** Records that failed their schema while a shard was rebuilt: quarantined under their own locks, after it. */
function settleLater(ids: readonly string[]): void {
  for (const id of ids) void serializedByKey(recordLock(id), () => settledRecord(id)).catch((error: unknown) => console.warn(`Backstory: captured article ${id} not set aside`, error));
}

/** The summaries of one shard built again from its records (the stored shard could not be read). */
async function rebuiltShard(shard: string): Promise<Articles> {
  const articles: Articles = {};
  const damaged: string[] = [];
  for (const [key, raw] of Object.entries(await readPrefixed('local', `${CAPTURED_PREFIX}${shard}`))) {
    const id = key.slice(CAPTURED_PREFIX.length);
    if (!v.is(ArticleId, id)) continue;
    if (recordProblem(id, raw) === null) articles[id] = summaryOf(raw as CapturedArticleType);
    else damaged.push(id);
  }
  settleLater(damaged);
  return articles;
}

/** A shard as stored now (fresh), validated: a damaged one is quarantined and rebuilt from its records. Call under its lock. */
async function freshShard(shard: string, raw: unknown): Promise<{ articles: Articles; rebuilt: boolean }> {
  if (raw === undefined) return { articles: {}, rebuilt: false };
  const parsed = v.safeParse(shardSchema(shard), raw);
  if (parsed.success) return { articles: parsed.output.articles, rebuilt: false };
  const reason = v.summarize(parsed.issues).replace(/\s*\n\s*/g, '; ');
  await quarantine('local', shardKey(shard), raw, `captured-article index, shard ${shard}: ${reason}`);
  console.warn(`Backstory: the captured articles' index shard ${shardKey(shard)} is unreadable (${reason}); rebuilding it from the captured articles, which are unchanged`);
  return { articles: await rebuiltShard(shard), rebuilt: true };
}

/**
 * Changes these shards under their locks (taken in sorted order), on a fresh read, and
 * writes them in one storage call: an import of many articles is one index update. Rejects
 * (storage-full…) with every shard as it was.
 */
async function updateShards(shards: readonly string[], change: (articles: Record<string, Articles>) => void): Promise<void> {
  const sorted = [...new Set(shards)].sort();
  const locked = (i: number): Promise<void> =>
    i < sorted.length
      ? serializedByKey(shardLock(sorted[i]!), () => locked(i + 1))
      : (async () => {
          const mem = await loaded();
          const keys = sorted.map(shardKey);
          const stored = await readManyRaw('local', keys);
          const current: Record<string, Articles> = {};
          for (const shard of sorted) current[shard] = (await freshShard(shard, stored[shardKey(shard)])).articles;
          change(current);
          const values = Object.fromEntries(sorted.map((shard) => [shardKey(shard), shardValue(current[shard]!)]));
          const json = new Map(sorted.map((shard) => [shard, JSON.stringify(values[shardKey(shard)])]));
          for (const [shard, text] of json) mem.writing.set(shard, text);
          try {
            await writeRaw('local', values);
          } finally {
            for (const [shard, text] of json) if (mem.writing.get(shard) === text) mem.writing.delete(shard);
          }
          for (const shard of sorted) {
            applyShard(mem, shard, current[shard]!, json.get(shard)!);
            mem.stale.delete(shard);
          }
        })();
  return locked(0);
}

/** Splits a schema-1 index (one key) into shards, keeping any entry a shard already has. */
async function migrateLegacy(): Promise<void> {
  await serializedByKey(lockOf('local', LEGACY_INDEX_KEY), async () => {
    const raw = await readRaw('local', LEGACY_INDEX_KEY);
    if (raw === undefined) return;
    const parsed = v.safeParse(LegacyIndex, raw);
    if (!parsed.success) {
      // Every shard is then rebuilt from its records; the old key is kept aside.
      await quarantine('local', LEGACY_INDEX_KEY, raw, `captured-article index: ${v.summarize(parsed.issues)}`);
      const rebuilt = await Promise.all(SHARDS.map(rebuiltShard));
      await updateShards(SHARDS, (current) => {
        SHARDS.forEach((shard, i) => Object.assign(current[shard]!, rebuilt[i], { ...current[shard] }));
      });
      return;
    }
    const entries = Object.values(parsed.output.articles).filter((s) => v.is(ArticleId, s.id));
    await updateShards(entries.map((s) => shardOf(s.id)), (current) => {
      for (const s of entries) current[shardOf(s.id)]![s.id] ??= s;
    });
    await removeRaw('local', [LEGACY_INDEX_KEY]);
  });
}

/** Every shard in memory, read in one storage call on the worker's first need. */
function loaded(): Promise<Memory> {
  watchShards();
  if (memory) return Promise.resolve(memory);
  return (loading ??= (async () => {
    changedWhileLoading.clear();
    const stored = await readManyRaw('local', SHARDS.map(shardKey));
    const mem: Memory = { shards: new Map(), byId: new Map(), byKey: new Map(), stale: new Set(), writing: new Map(), newestFirst: null };
    const damaged: string[] = [];
    for (const shard of SHARDS) {
      const raw = stored[shardKey(shard)];
      const parsed = raw === undefined ? null : v.safeParse(shardSchema(shard), raw);
      if (parsed && !parsed.success) damaged.push(shard);
      else applyShard(mem, shard, parsed ? parsed.output.articles : {}, raw === undefined ? '' : JSON.stringify(raw));
    }
    memory = mem;
    // A damaged shard is repaired under its lock (fresh read, quarantine, rebuild); reading it again repairs it.
    for (const shard of [...damaged, ...changedWhileLoading]) mem.stale.add(shard);
    changedWhileLoading.clear();
    return mem;
  })().finally(() => {
    loading = null;
  }));
}

let migrated: Promise<void> | null = null;

/** Before anything reads or changes the index: a schema-1 index is split into shards first. */
function ready(): Promise<void> {
  return (migrated ??= migrateLegacy().catch((error: unknown) => {
    migrated = null;
    throw error;
  }));
}

/** The index, current with storage: shards reported changed (or found damaged) are read again first. */
async function readIndex(): Promise<Memory> {
  await ready();
  const mem = await loaded();
  if (mem.stale.size > 0) {
    const stale = [...mem.stale];
    mem.stale.clear();
    await Promise.all(
      stale.map((shard) =>
        serializedByKey(shardLock(shard), async () => {
          const raw = await readRaw('local', shardKey(shard));
          const { articles, rebuilt } = await freshShard(shard, raw);
          if (rebuilt) await writeRaw('local', { [shardKey(shard)]: shardValue(articles) });
          applyShard(mem, shard, articles, rebuilt ? JSON.stringify(shardValue(articles)) : raw === undefined ? '' : JSON.stringify(raw));
        }),
      ),
    );
  }
  return mem;
}

/**
 * Every captured article, newest capture first, as one list that stays the same object
 * while the index does: a caller may keep what it derived from it and compare the list it
 * was derived from (the search index does, on every search). Never to be changed.
 */
export async function capturedSnapshot(): Promise<readonly CapturedSummary[]> {
  const mem = await readIndex();
  return (mem.newestFirst ??= Object.freeze([...mem.byId.values()].sort((a, b) => b.capturedAt - a.capturedAt || a.id.localeCompare(b.id))));
}

/** Every captured article, newest capture first. */
export async function listCaptured(): Promise<CapturedSummary[]> {
  return [...(await capturedSnapshot())];
}

/** The captured article with this id, or null. */
export async function getCaptured(id: string): Promise<CapturedArticleType | null> {
  if (!v.is(ArticleId, id) || !(await readIndex()).byId.has(id)) return null;
  return serializedByKey(recordLock(id), () => settledRecord(id));
}

/** The summary (no text) of the captured article with this id, or null. */
export async function getCapturedSummary(id: string): Promise<CapturedSummary | null> {
  return (await readIndex()).byId.get(id) ?? null;
}

/** The captured article with this normalized URL key (src/shared/url-key.ts), or null. */
export async function findCapturedByUrlKey(key: string): Promise<CapturedSummary | null> {
  const mem = await readIndex();
  const id = mem.byKey.get(key);
  return id === undefined ? null : mem.byId.get(id) ?? null;
}

function validRecord(article: unknown, what: string): CapturedArticleType {
  const parsed = v.safeParse(CapturedArticle, article);
  if (!parsed.success) throw new CodedError('invalid-request', `${what}: ${v.summarize(parsed.issues)}`);
  return parsed.output as CapturedArticleType;
}

/** Runs `task` under the locks of these records' keys (taken in sorted order). */
function underRecordLocks<T>(ids: readonly string[], task: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(ids)].sort();
  const locked = (i: number): Promise<T> => (i < sorted.length ? serializedByKey(recordLock(sorted[i]!), () => locked(i + 1)) : task());
  return locked(0);
}

/** Records per storage call when many are written at once. */
const WRITE_BATCH = 250;

/**
 * Stores articles (new captures, replaced ones, an import's): the records first, then
 * their shards in one update. On a refused write it rejects with storage-full (or
 * storage-failed) and storage holds what it held before: records written are put back.
 */
async function putRecords(records: readonly CapturedArticleType[], doing: string): Promise<void> {
  await ready();
  await underRecordLocks(
    records.map((r) => r.id),
    async () => {
      const keys = records.map((r) => capturedKey(r.id));
      const before = await readManyRaw('local', keys);
      const written: string[] = [];
      const putBack = async (): Promise<void> => {
        const gone = written.filter((key) => before[key] === undefined);
        const back = Object.fromEntries(written.filter((key) => before[key] !== undefined).map((key) => [key, before[key]]));
        await Promise.all([removeRaw('local', gone), Object.keys(back).length > 0 ? writeRaw('local', back) : undefined]).catch(() => undefined);
      };
      try {
        for (let i = 0; i < records.length; i += WRITE_BATCH) {
          const batch = records.slice(i, i + WRITE_BATCH);
          await writeRaw('local', Object.fromEntries(batch.map((r) => [capturedKey(r.id), r])));
          written.push(...batch.map((r) => capturedKey(r.id)));
        }
        // A record without its index entry would be invisible: the shards follow, or the records go back.
        await updateShards(records.map((r) => shardOf(r.id)), (current) => {
          for (const record of records) current[shardOf(record.id)]![record.id] = summaryOf(record);
        });
      } catch (error) {
        await putBack();
        throw storageError(doing, error);
      }
    },
  );
}

/**
 * Stores an article (a new capture, or one replaced); resolves once both the record and
 * its shard are stored. On a refused write it rejects with storage-full (or storage-failed)
 * and storage holds what it held before.
 */
export async function putCaptured(article: CapturedArticleType): Promise<CapturedArticleType> {
  const record = validRecord(article, `captured article ${article.id}`);
  await putRecords([record], `archiving ${record.url}`);
  return record;
}

/** Deletes a captured article; answers the record (for Undo: restoreCaptured), or null if there was none. */
export async function deleteCaptured(id: string): Promise<CapturedArticleType | null> {
  if (!v.is(ArticleId, id)) return null;
  await ready();
  return serializedByKey(recordLock(id), async () => {
    const record = await settledRecord(id);
    try {
      // The index first: a record no index names is only unused space, an index entry without its record a broken link.
      await updateShards([shardOf(id)], (current) => {
        delete current[shardOf(id)]![id];
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
  return putCaptured(validRecord(article, 'not a captured article'));
}

/** Puts many articles back at once (an import): one index update for them all, not one per article. */
export async function restoreManyCaptured(articles: readonly unknown[]): Promise<void> {
  if (articles.length === 0) return;
  const records = articles.map((article) => validRecord(article, 'not a captured article'));
  await putRecords(records, `restoring ${records.length} captured articles`);
}
