/**
 * The in-memory side of `npm run bench:search`, in a process of its own so that an
 * alternative that cannot hold the archive runs out of memory here, not in the benchmark:
 * `tsx scripts/bench/minisearch-child.ts WORKDIR QUERIES_JSON RUNS` reads the built
 * archive's articles (WORKDIR/dist/chromium/archive), times Backstory's `buildSearchIndex`
 * and MiniSearch's build and queries on them, writes MiniSearch's index to
 * WORKDIR/minisearch/index.json, and prints one JSON line (MiniSearchFigures).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { ArchiveMeta, Article, CatalogShard } from '../../src/shared/archive-format';
import { ArchiveReader } from '../../src/shared/archive-reader';
import { shardName } from '../../src/shared/shards';
import { buildSearchIndex } from '../archive/search-index';

/** The same fields for MiniSearch as the Backstory index: title, entities, body; stored: what a result shows. */
export function miniSearchOptions() {
  return {
    fields: ['title', 'entities', 'body'],
    storeFields: ['title', 'date', 'url', 'host'],
    searchOptions: { boost: { title: 3, entities: 2.5 }, prefix: true, fuzzy: 0.2 },
  };
}

export interface MiniSearchFigures {
  /** Backstory's search index built in memory from the same articles. */
  ourIndexBuild: number;
  build: number;
  indexBytes: number;
  load: number;
  query: number[];
}

async function main(): Promise<void> {
  const [work = '', queriesJson = '[]', runsArg = '5'] = process.argv.slice(2);
  const archiveDir = join(work, 'dist/chromium/archive');
  const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(join(archiveDir, path), 'utf8'));
  const reader = new ArchiveReader(readJson);
  const meta = (await readJson('meta.json')) as ArchiveMeta;
  const ids: Array<[date: string, id: string]> = [];
  for (let shard = 0; shard < meta.shards.catalog; shard++) {
    const entries = (await readJson(`catalog/${shardName(shard, meta.shards.catalog)}.json`)) as CatalogShard;
    for (const entry of Object.values(entries)) ids.push([entry.date, entry.id]);
  }
  ids.sort((a, b) => b[0].localeCompare(a[0]) || a[1].localeCompare(b[1]));
  const articles: Article[] = [];
  for (const [, id] of ids) articles.push(await reader.article(id));

  let started = performance.now();
  buildSearchIndex(articles);
  const ourIndexBuild = performance.now() - started;

  const documents = articles.map((a) => ({
    id: a.id, url: a.url, title: a.title, date: a.date, host: a.host,
    entities: a.entities.map((e) => e.aliases.join(' ')).join(' '),
    body: [a.summary, ...a.paragraphs].join('\n'),
  }));
  articles.length = 0;
  started = performance.now();
  const mini = new MiniSearch(miniSearchOptions());
  mini.addAll(documents);
  const json = JSON.stringify(mini);
  const build = performance.now() - started;
  await mkdir(join(work, 'minisearch'), { recursive: true });
  await writeFile(join(work, 'minisearch/index.json'), json);

  started = performance.now();
  const loaded = MiniSearch.loadJSON(json, miniSearchOptions());
  const load = performance.now() - started;
  const queries = JSON.parse(queriesJson) as string[];
  for (const q of queries) loaded.search(q);
  const query: number[] = [];
  for (let run = 0; run < Number(runsArg); run++) {
    for (const q of queries) {
      started = performance.now();
      loaded.search(q).slice(0, 20);
      query.push(performance.now() - started);
    }
  }
  const figures: MiniSearchFigures = { ourIndexBuild, build, indexBytes: Buffer.byteLength(json), load, query };
  console.log(JSON.stringify(figures));
}

if (process.argv[1] === import.meta.filename) await main();
