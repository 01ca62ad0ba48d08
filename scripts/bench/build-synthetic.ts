/**
 * One measured build, in a process of its own so its peak memory is its own:
 * `tsx scripts/bench/build-synthetic.ts SIZE WORKDIR [--many-hosts] [--seeds-only | --real-extractor] [--workers N]`
 * writes SIZE synthetic seeds to WORKDIR/seeds unless they are there (`--seeds-only`: just
 * that, so that the seeds can be made in a process of their own and the build's peak
 * memory is the build's), builds WORKDIR/dist (timed) with the benchmark's cheap
 * extractor (or the build's real one), and prints one JSON line:
 * { articles, ms, cpuMs, peakRssBytes, hosts, workers }.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../build';
import { syntheticArchive } from './synthetic-archive';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'many-hosts': { type: 'boolean', default: false }, 'seeds-only': { type: 'boolean', default: false }, 'real-extractor': { type: 'boolean', default: false }, workers: { type: 'string' } },
});
const [size = '1000', work = ''] = positionals;
if (!work) throw new Error('usage: build-synthetic.ts SIZE WORKDIR [--many-hosts] [--real-extractor] [--workers N]');
const root = resolve(import.meta.dirname, '../..');
const seedName = (await readdir(join(root, 'seeds'))).filter((name) => name.endsWith('.txt')).sort()[0] ?? '';
const realSeed = await readFile(join(root, 'seeds', seedName), 'utf8');
const seedDir = join(work, 'seeds');
const lastSeed = join(seedDir, `synthetic_${String(Number(size) - 1).padStart(5, '0')}.txt`);
if (!existsSync(lastSeed)) {
  const synthetic = syntheticArchive(realSeed, Number(size), { manyHosts: values['many-hosts'] });
  await mkdir(seedDir, { recursive: true });
  for (const [name, content] of synthetic.files) await writeFile(join(seedDir, name), content);
}
if (values['seeds-only']) process.exit(0);
// The names the cheap extractor knows are drawn before any article: an archive of none has them all.
const entities = syntheticArchive(realSeed, 0).entities;

const built = await build({
  seedDirs: [seedDir],
  outDir: join(work, 'dist'),
  compile: {
    extractor: values['real-extractor'] ? undefined : { module: new URL('./synthetic-archive.ts', import.meta.url).href, export: 'syntheticExtractor', data: entities },
    workers: values.workers === undefined ? undefined : Number(values.workers),
  },
});
const { ms, cpuMs, peakRssBytes, workers } = built;
console.log(JSON.stringify({ articles: built.meta.articleCount, ms, cpuMs, peakRssBytes, hosts: built.hosts.length, workers }));
