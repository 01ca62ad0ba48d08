/**
 * Per-query latency in Node, to find the slow one: `tsx scripts/bench/profile-queries.ts
 * 10000` (compiles a synthetic archive in memory) or `… profile-queries.ts DIR` (a built
 * archive folder, e.g. a `--work-dir` build's dist/chromium/archive). For each query: the
 * first run on a fresh engine (every file read and parsed: what the popup's cold open pays,
 * with the files and the JSON bytes it read, unpacked, and how many of those bytes were
 * postings first tiers or whole lists, later tiers, article files), then the median of
 * five warm runs.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { packedPath } from '../archive/archive-files';
import { compileArchive } from '../archive/compile';
import { SearchEngine } from '../../src/shared/search-engine';
import { syntheticArchive, syntheticExtractor } from './synthetic-archive';

const root = resolve(import.meta.dirname, '../..');
const arg = process.argv[2] ?? '10000';
const realSeed = await readFile(join(root, 'seeds', (await readdir(join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]!), 'utf8');
let text: (path: string) => Promise<string>;
let queries: string[];
if (existsSync(arg)) {
  text = async (path) => inflateRawSync(await readFile(packedPath(arg, path))).toString('utf8');
  queries = syntheticArchive(realSeed, 1).queries;
} else {
  const synthetic = syntheticArchive(realSeed, Number(arg));
  const archive = compileArchive([...synthetic.files].map(([file, content]) => ({ file, content })), { extractEntities: syntheticExtractor(synthetic.entities) });
  const serialized = new Map([...archive.files, ...archive.search].map(([path, value]) => [path, JSON.stringify(value)]));
  text = async (path) => serialized.get(path) ?? 'null';
  queries = synthetic.queries;
}
let files = 0;
let bytes = 0;
const byFolder = new Map<string, number>();
const fetchJson = async (path: string): Promise<unknown> => {
  const body = await text(path);
  files += 1;
  bytes += body.length;
  const folder = /^(search\/postings|search\/tiers|articles)\//.exec(path)?.[1] ?? 'other';
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + body.length);
  return JSON.parse(body);
};
const kb = (folder: string): string => `${((byFolder.get(folder) ?? 0) / 1024).toFixed(0)}`;
const warm = new SearchEngine(fetchJson);
for (const q of queries) {
  files = 0;
  bytes = 0;
  byFolder.clear();
  let started = performance.now();
  await new SearchEngine(fetchJson).search(q, 8);
  const cold = performance.now() - started;
  const coldRead = `${files} files, ${(bytes / 1024).toFixed(0)} KB: postings ${kb('search/postings')}, tiers ${kb('search/tiers')}, articles ${kb('articles')}`;
  await warm.search(q, 20);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    total = (await warm.search(q, 20)).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(q.padEnd(32), `cold ${cold.toFixed(1).padStart(6)} ms (${coldRead})`.padEnd(72), `warm ${times[2]!.toFixed(2)} ms`, `max ${times[4]!.toFixed(2)}`, `${total} hits`);
}
