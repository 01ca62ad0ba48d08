/**
 * One measured build, in a process of its own so its peak memory is its own:
 * `tsx scripts/bench/build-synthetic.ts SIZE WORKDIR [--many-hosts]` writes SIZE synthetic
 * seeds to WORKDIR/seeds (not timed), builds WORKDIR/dist (timed), and prints one JSON line:
 * { articles, ms, peakRssBytes, hosts }.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from '../build';
import { syntheticArchive, syntheticExtractor } from './synthetic-archive';

const [size = '1000', work = '', hostsFlag] = process.argv.slice(2);
if (!work) throw new Error('usage: build-synthetic.ts SIZE WORKDIR');
const root = resolve(import.meta.dirname, '../..');
const seedName = (await readdir(join(root, 'seeds'))).filter((name) => name.endsWith('.txt')).sort()[0] ?? '';
const synthetic = syntheticArchive(await readFile(join(root, 'seeds', seedName), 'utf8'), Number(size), { manyHosts: hostsFlag === '--many-hosts' });
const seedDir = join(work, 'seeds');
await mkdir(seedDir, { recursive: true });
for (const [name, content] of synthetic.files) await writeFile(join(seedDir, name), content);

const started = performance.now();
const archive = await build({
  seedDirs: [seedDir],
  outDir: join(work, 'dist'),
  compile: { extractEntities: syntheticExtractor(synthetic.entities) },
});
const ms = performance.now() - started;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ articles: archive.meta.articleCount, ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, hosts: archive.hosts.length }));
