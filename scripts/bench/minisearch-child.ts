/**
 * The in-memory side of `npm run bench:search`, in a process of its own so that an
 * alternative that cannot hold the archive runs out of memory here, not in the benchmark:
 * `tsx scripts/bench/minisearch-child.ts WORKDIR QUERIES_JSON RUNS` reads the built
 * archive's articles (WORKDIR/dist/chromium/archive), times Backstory's `buildSearchIndex`
 * and MiniSearch's build and queries on them, writes MiniSearch's index to
 * WORKDIR/minisearch/index.json, and prints one JSON line (MiniSearchFigures).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { buildSearchIndex } from '../../src/shared/search-build';
import { readArchiveArticles } from '../archive/archive-files';

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
  // Newest first, as the archive's search documents are numbered.
  const articles = readArchiveArticles(join(work, 'dist/chromium/archive'));

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
