/**
 * The build's archive compiler: seeds in, archive files out, in memory that does not grow
 * with the article text. The same files as compileArchive (compile.ts), byte for byte
 * once unpacked (a unit test compares the two).
 *
 * 1. A cheap pass parses every seed in this thread, reports every problem together
 *    (ArchiveBuildError), and sorts the articles into archive order (newest first): an
 *    article's position is its search document number.
 * 2. Worker threads (one a core) take the articles in that order, extract their entities
 *    (the expensive part) and write their article files; each hands back only what the
 *    indexes need. This thread takes the answers back in document order and streams out
 *    the search document chunks; it keeps the URL and catalog entries (a short string an
 *    article), the entity index (numbers) and the term counts, and spills each
 *    (term, document) pair to a scratch file of its term's first character.
 * 3. The index files are finished: URL, catalog and entity shards, then the postings and
 *    the dictionary one first character at a time, in sorted term order.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ARCHIVE_FORMAT_VERSION, type ArchiveMeta, type EntityIndexEntry, type EntityShard, type EntityType } from '../../src/shared/archive-format';
import { dictShardName, DOCS_PER_CHUNK, type DateIndex, type DictShard, type DocRow } from '../../src/shared/search-format';
import { shardCountFor, shardIndex, shardName } from '../../src/shared/shards';
import { ArchiveWriter } from './archive-files';
import { IN_ENTITY, IN_TITLE, runArticleJob, type ArticleJob, type ArticleOutcome, type Extract, type ExtractorSpec } from './article-job';
import { archiveOrder, articleId, CATALOG_PER_SHARD, ENTITIES_PER_SHARD, SeedChecker, URLS_PER_SHARD } from './seed-set';
import type { WorkerReply, WorkerSetup } from './compile-worker';
import { parseSeed } from './parse-seed';
import { docRow, PostingsWriter, searchMeta, termScore, type Collection } from '../../src/shared/search-build';
import { PostingSpill } from './spill';
import { startWorker } from './threads';

/** The build's extractor (scripts/archive/entities.ts), loadable in a worker thread. */
export const DEFAULT_EXTRACTOR: ExtractorSpec = { module: new URL('./entities.ts', import.meta.url).href, export: 'extractEntities' };

export interface StreamCompileOptions {
  /** The entity extractor for worker threads; the build's own by default. */
  extractor?: ExtractorSpec;
  /** An extractor as a function instead: it cannot cross to a worker, so the compile runs in this thread. */
  extractEntities?: Extract;
  /** Worker threads; 0 compiles in this thread. Default: one a core. */
  workers?: number;
}

export interface CompileSummary {
  meta: ArchiveMeta;
  /** Site hosts the archive has articles on, sorted: the manifest's match patterns. */
  hosts: string[];
  workers: number;
}

/** Articles a worker has in hand at once, and how far ahead of the oldest unanswered one jobs go. */
const IN_FLIGHT = 4;
const WINDOW = 512;

interface SeedEntry {
  file: string;
  date: string;
  id: string;
}

/** Pass 1: every seed parsed and checked (all problems together), in archive order. */
function orderedSeeds(seedFiles: readonly string[]): SeedEntry[] {
  const checker = new SeedChecker();
  const entries: SeedEntry[] = [];
  for (const file of seedFiles) {
    const seed = checker.add(file, parseSeed(file, readFileSync(file, 'utf8')));
    if (seed) entries.push({ file, date: seed.date, id: articleId(seed.key) });
  }
  checker.finish();
  return entries.sort(archiveOrder);
}

/** Pass 2 with worker threads: outcomes are handed to `take` in document order. */
async function runInWorkers(entries: readonly SeedEntry[], setup: WorkerSetup, count: number, take: (outcome: ArticleOutcome) => void): Promise<void> {
  const workers = Array.from({ length: count }, () => startWorker(new URL('./compile-worker.ts', import.meta.url), setup));
  const waiting = new Map<number, ArticleOutcome>();
  let next = 0;
  let sent = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
      const feed = (worker: Worker): void => {
        while ((busy.get(worker) ?? 0) < IN_FLIGHT && sent < entries.length && sent < next + WINDOW) {
          const job: ArticleJob = { doc: sent, file: entries[sent]!.file };
          worker.postMessage(job);
          busy.set(worker, (busy.get(worker) ?? 0) + 1);
          sent += 1;
        }
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (next < entries.length) reject(new Error(`a compile worker stopped (exit code ${code})`));
        });
        worker.on('message', (reply: WorkerReply) => {
          if (!reply.ok) {
            reject(new Error(`compiling ${entries[reply.doc]?.file ?? reply.doc}: ${reply.error}`));
            return;
          }
          busy.set(worker, (busy.get(worker) ?? 1) - 1);
          waiting.set(reply.outcome.doc, reply.outcome);
          try {
            for (let outcome = waiting.get(next); outcome; outcome = waiting.get(next)) {
              waiting.delete(next);
              next += 1;
              take(outcome);
            }
          } catch (error) {
            reject(error);
            return;
          }
          if (next === entries.length) resolve();
          else for (const w of workers) feed(w);
        });
      }
      for (const worker of workers) feed(worker);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** What the indexes keep of the articles while they are compiled. */
class IndexBuilder {
  private readonly urlShards: string[][];
  private readonly catalogShards: string[][];
  private readonly entities = new Map<string, { type: EntityType; name: string; docs: number[] }>();
  private readonly termIds = new Map<string, number>();
  private readonly termText: string[] = [];
  private readonly df: number[] = [];
  private readonly lengths: number[] = [];
  private readonly hostDocs = new Map<string, number[]>();
  private readonly dates: DateIndex = [];
  private rows: DocRow[] = [];
  private chunks = 0;
  private readonly spill: PostingSpill;

  constructor(
    private readonly entries: readonly SeedEntry[],
    private readonly writer: ArchiveWriter,
    scratchDir: string,
    private readonly shards = {
      urls: shardCountFor(entries.length, URLS_PER_SHARD),
      catalog: shardCountFor(entries.length, CATALOG_PER_SHARD),
    },
  ) {
    this.urlShards = Array.from({ length: shards.urls }, () => []);
    this.catalogShards = Array.from({ length: shards.catalog }, () => []);
    this.spill = new PostingSpill(scratchDir);
  }

  /** One article's outcome; called in document order. */
  take(o: ArticleOutcome): void {
    const { id, host, date } = o.catalog;
    this.urlShards[shardIndex(o.key, this.shards.urls)]!.push(`${JSON.stringify(o.key)}:${JSON.stringify(id)}`);
    this.catalogShards[shardIndex(id, this.shards.catalog)]!.push(`${JSON.stringify(id)}:${JSON.stringify(o.catalog)}`);
    for (const [entityId, type, name, count] of o.entities) {
      let entry = this.entities.get(entityId);
      if (!entry) this.entities.set(entityId, (entry = { type, name, docs: [] }));
      entry.docs.push(o.doc, count);
    }

    this.lengths.push(o.length);
    o.terms.forEach((term, i) => {
      let termId = this.termIds.get(term);
      if (termId === undefined) {
        termId = this.termText.length;
        this.termIds.set(term, termId);
        this.termText.push(term);
        this.df.push(0);
      }
      this.df[termId]! += 1;
      this.spill.add(term.charCodeAt(0), termId, o.doc, (o.tf[i]! << 2) | o.flags[i]!);
    });
    let docs = this.hostDocs.get(host);
    if (!docs) this.hostDocs.set(host, (docs = []));
    docs.push(o.doc, 1);
    if (this.dates.at(-1)?.[0] !== date) this.dates.push([date, o.doc]);
    this.rows.push(docRow(o.catalog));
    if (this.rows.length === DOCS_PER_CHUNK) this.writeChunk();
  }

  private writeChunk(): void {
    this.writer.write(`search/docs/${this.chunks++}.json`, this.rows);
    this.rows = [];
  }

  /** Writes every index file; returns the archive's meta and its hosts. */
  finish(): { meta: ArchiveMeta; hosts: string[] } {
    if (this.rows.length > 0) this.writeChunk();
    const write = (folder: string, fragments: string[][]): void => {
      fragments.forEach((shard, index) => this.writer.writeJsonText(`${folder}/${shardName(index, fragments.length)}.json`, `{${shard.join(',')}}`));
    };
    write('urls', this.urlShards);
    write('catalog', this.catalogShards);
    const entityShards = shardCountFor(this.entities.size, ENTITIES_PER_SHARD);
    this.writeEntities(entityShards);
    const hosts = [...this.hostDocs.keys()].sort();
    this.writeSearch(hosts);
    const meta: ArchiveMeta = {
      format: ARCHIVE_FORMAT_VERSION,
      articleCount: this.entries.length,
      shards: { urls: this.shards.urls, catalog: this.shards.catalog, entities: entityShards },
    };
    this.writer.write('meta.json', meta);
    return { meta, hosts };
  }

  private writeEntities(shardCount: number): void {
    const byShard: string[][] = Array.from({ length: shardCount }, () => []);
    for (const id of [...this.entities.keys()].sort((a, b) => a.localeCompare(b))) byShard[shardIndex(id, shardCount)]!.push(id);
    byShard.forEach((ids, index) => {
      const shard: EntityShard = {};
      for (const id of ids) {
        const { type, name, docs } = this.entities.get(id)!;
        const articles: EntityIndexEntry['articles'] = [];
        for (let i = 0; i < docs.length; i += 2) articles.push([this.entries[docs[i]!]!.id, docs[i + 1]!]);
        // Documents are newest first and the sort is stable: ties on count stay newest first.
        articles.sort((a, b) => b[1] - a[1]);
        shard[id] = { type, name, articles };
      }
      this.writer.write(`entities/${shardName(index, shardCount)}.json`, shard);
    });
    this.entities.clear();
  }

  private writeSearch(hosts: readonly string[]): void {
    const count = this.entries.length;
    const collection: Collection = { count, avgLength: this.lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, count) };
    const postings = new PostingsWriter(count, (path, file) => this.writer.write(path, file));
    const dict = new Map<string, DictShard>();
    // Terms sorted by UTF-16 code units are sorted by their first one first: each group
    // in turn, its terms sorted, is every term in sorted order.
    for (const group of this.spill.groups()) {
      const records = this.spill.take(group);
      const lists = new Map<number, { postings: number[]; entity: number[] }>();
      for (let r = 0; r < records.length; r += 3) {
        const termId = records[r]!;
        const doc = records[r + 1]!;
        const packed = records[r + 2]!;
        let list = lists.get(termId);
        if (!list) lists.set(termId, (list = { postings: [], entity: [] }));
        const inDoc = { tf: packed >>> 2, title: (packed & IN_TITLE) !== 0, entity: (packed & IN_ENTITY) !== 0, length: this.lengths[doc]! };
        list.postings.push(doc, termScore(this.df[termId]!, inDoc, collection));
        if (inDoc.entity) list.entity.push(doc, 1);
      }
      const termsOfGroup = [...lists.keys()].map((termId) => [this.termText[termId]!, termId] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [term, termId] of termsOfGroup) {
        const list = lists.get(termId)!;
        const name = dictShardName(term);
        let shard = dict.get(name);
        if (!shard) dict.set(name, (shard = {}));
        shard[term] = postings.term(term, this.df[termId]!, list.postings, list.entity);
      }
    }
    for (const host of hosts) postings.host(host, this.hostDocs.get(host)!);
    const written = postings.finish();
    for (const [name, shard] of dict) this.writer.write(`search/dict/${name}.json`, shard);
    this.writer.write('search/dates.json', this.dates);
    this.writer.write('search/hosts.json', written.hosts);
    this.writer.write('search/meta.json', searchMeta(count, written, dict.keys()));
  }
}

/**
 * Compiles the seed files into each of `archiveDirs` (the same files in each), using
 * `scratchDir` for spilled postings. Throws ArchiveBuildError listing every problem.
 */
export async function compileArchiveTo(
  seedFiles: readonly string[],
  archiveDirs: readonly string[],
  scratchDir: string,
  options: StreamCompileOptions = {},
): Promise<CompileSummary> {
  const entries = orderedSeeds(seedFiles);
  const writer = new ArchiveWriter(archiveDirs);
  const index = new IndexBuilder(entries, writer, scratchDir);
  const workers = options.extractEntities ? 0 : Math.max(0, Math.min(options.workers ?? availableParallelism(), entries.length));
  if (workers === 0) {
    const extract = options.extractEntities ?? (await import('./entities')).extractEntities;
    entries.forEach((entry, doc) => index.take(runArticleJob({ doc, file: entry.file }, extract, writer)));
  } else {
    await runInWorkers(entries, { extractor: options.extractor ?? DEFAULT_EXTRACTOR, archiveDirs: [...archiveDirs] }, workers, (outcome) => index.take(outcome));
  }
  const { meta, hosts } = index.finish();
  return { meta, hosts, workers };
}
