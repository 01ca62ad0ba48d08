/** Per-query latency on a synthetic archive, in Node (a quick look at which query is slow): tsx scripts/bench/profile-queries.ts 10000 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileArchive } from '../archive/compile';
import { SearchEngine } from '../../src/shared/search-engine';
import { syntheticArchive, syntheticExtractor } from './synthetic-archive';

const root = resolve(import.meta.dirname, '../..');
const size = Number(process.argv[2] ?? 10_000);
const realSeed = await readFile(join(root, 'seeds', (await readdir(join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]!), 'utf8');
const synthetic = syntheticArchive(realSeed, size);
const archive = compileArchive([...synthetic.files].map(([file, content]) => ({ file, content })), { extractEntities: syntheticExtractor(synthetic.entities) });
const serialized = new Map([...archive.files, ...archive.search].map(([path, value]) => [path, JSON.stringify(value)]));
const engine = new SearchEngine(async (path) => JSON.parse(serialized.get(path) ?? 'null'));
for (const q of synthetic.queries) await engine.search(q, 20);
for (const q of synthetic.queries) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    total = (await engine.search(q, 20)).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(q.padEnd(36), `${times[2]!.toFixed(2)} ms`, `max ${times[4]!.toFixed(2)}`, `${total} hits`);
}
