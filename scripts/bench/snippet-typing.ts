/**
 * tsx scripts/bench/snippet-typing.ts [size=1000] [rounds=10]
 *
 * The cost of the popup's snippets as the user types a query letter by letter, with the
 * engine keeping the words of the articles it detailed last (KEPT_DETAILED) and with it
 * keeping none, in one process over the same synthetic archive: each typed prefix's top 8
 * hits are detailed, as the popup does. Every file is read before timing, so only the
 * details' own work is timed (the text's words, the snippet, the entities). Prints each
 * engine's time per keystroke and the ratio. Figures: docs/performance.md.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileArchive } from '../archive/compile';
import { KEPT_DETAILED, SearchEngine } from '../../src/shared/search-engine';
import { isEmptyQuery, parseQuery } from '../../src/shared/search-query';
import { fmtMs, median, percentile } from './stats';
import { syntheticArchive, syntheticExtractor } from './synthetic-archive';

const root = resolve(import.meta.dirname, '../..');
const size = Number(process.argv[2] ?? '1000');
const rounds = Number(process.argv[3] ?? '10');
/** The popup's SNIPPET_LIMIT (src/popup/use-search.ts, which cannot load outside a page). */
const DETAILED = 8;

const realSeed = await readFile(join(root, 'seeds', (await readdir(join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]!), 'utf8');
const synthetic = syntheticArchive(realSeed, size);
const archive = compileArchive([...synthetic.files].map(([file, content]) => ({ file, content })), { extractEntities: syntheticExtractor(synthetic.entities) });
const serialized = new Map([...archive.files, ...archive.search].map(([path, value]) => [path, JSON.stringify(value)]));
const fetchJson = async (path: string): Promise<unknown> => JSON.parse(serialized.get(path) ?? 'null');

/** Each query as typed: every prefix of two letters or more that is a query of its own. */
const typings = synthetic.queries.map((query) => Array.from({ length: query.length - 1 }, (_, i) => query.slice(0, i + 2)).filter((typed) => !isEmptyQuery(parseQuery(typed))));

/** Per keystroke, the time to detail its top hits, on an engine whose files are all read already. */
async function keystrokes(engine: SearchEngine): Promise<number[]> {
  for (const typed of typings.flat()) for (const hit of (await engine.search(typed, DETAILED)).hits) await engine.article(hit.id);
  const times: number[] = [];
  for (const typing of typings) {
    for (const typed of typing) {
      const { hits } = await engine.search(typed, DETAILED);
      const started = performance.now();
      for (const hit of hits) await engine.details(hit, typed);
      times.push(performance.now() - started);
    }
  }
  return times;
}

const none: number[] = [];
const kept: number[] = [];
for (let round = -1; round < rounds; round++) {
  // Alternated, each round on fresh engines, so neither gets the warmer process.
  const pairs: Array<[number[], SearchEngine]> = [
    [none, new SearchEngine(fetchJson, { keptDetailed: 0 })],
    [kept, new SearchEngine(fetchJson)],
  ];
  if (round % 2 !== 0) pairs.reverse();
  for (const [into, engine] of pairs) {
    const times = await keystrokes(engine);
    if (round >= 0) into.push(...times);
  }
}
const line = (name: string, times: number[]): string => `| ${name} | ${fmtMs(median(times))} | ${fmtMs(percentile(times, 0.95))} | ${fmtMs(times.reduce((a, b) => a + b, 0) / rounds)} |`;
console.log(`snippets while typing: ${size.toLocaleString('en')} synthetic articles, ${typings.length} queries typed letter by letter (${typings.flat().length} keystrokes), top ${DETAILED} hits detailed each, ${rounds} rounds, Node ${process.version}\n`);
console.log('| engine | per keystroke, median | p95 | all keystrokes, per round |');
console.log('|---|--:|--:|--:|');
console.log(line('keeps no article’s words (before)', none));
console.log(line(`keeps the last ${KEPT_DETAILED} detailed (after)`, kept));
console.log(`\nratio before ÷ after: median ${(median(none) / median(kept)).toFixed(2)}×, total ${(none.reduce((a, b) => a + b, 0) / kept.reduce((a, b) => a + b, 0)).toFixed(2)}×`);
