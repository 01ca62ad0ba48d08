/**
 * npm run bench:search [-- --sizes 1000,10000 --runs 7 --captured 1000,5000 --minisearch-max 50000 --many-hosts --work-dir DIR --code-from DIST]
 *
 * For each size: generates a synthetic archive (scripts/bench/synthetic-archive.ts) and
 * builds the extension with it in a process of its own (child-build.ts), and prints build
 * time, search index size on disk, the popup's cold open to first results in Chromium, and
 * query latency; then the same for MiniSearch (one whole index, loaded with loadJSON),
 * built in a process of its own (minisearch-child.ts: where it runs out of memory, that is
 * the figure) and opened in the same browser, and the ratios. Then, in the same browser,
 * the same popup figures with each number of captured articles (stored in steps), beside
 * the bundled-only baseline. `--many-hosts`: the archive of `npm run bench` (one more site
 * per 20 articles). Not part of `npm test`. Figures: docs/performance.md.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { launchChromiumWithExtension } from '../chromium-extension';
import { readArchiveFile } from '../archive/archive-files';
import { SearchEngine } from '../../src/shared/search-engine';
import { buildSearchIndex } from '../../src/shared/search-build';
import { buildInOwnProcess } from './child-build';
import { capturedArticles, storeCaptured } from './captured-articles';
import { miniSearchOptions, type MiniSearchFigures } from './minisearch-child';
import { dirSize, fmtMs, mb, median, percentile } from './stats';
import { syntheticArchive } from './synthetic-archive';

const root = resolve(import.meta.dirname, '../..');
/** The recent segment's limit of src/background/capture/search-index.ts (the worker module cannot load in Node). */
const RECENT_LIMIT = 32;

/** The popup's second mark: every source (bundled, captured, notes) merged into the list (src/popup/use-search.ts). */
const MERGED_MARK = 'backstory:search-merged';

/**
 * Opens `url` in a new tab and reads when the page marked its first results (ms after
 * navigation start); with `merged`, also when it marked that mark (`merged` of the answer).
 */
async function coldOpenBoth(context: BrowserContext, url: string, mark: string, merged?: string): Promise<{ first: number; merged: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const at = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, { timeout: 60_000 });
  const first = (await at.jsonValue()) as number;
  let all = NaN;
  if (merged) all = (await (await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, merged, { timeout: 60_000 })).jsonValue()) as number;
  await page.close();
  return { first, merged: all };
}

async function coldOpen(context: BrowserContext, url: string, mark: string): Promise<number> {
  return (await coldOpenBoth(context, url, mark)).first;
}

async function miniSearchPage(dir: string): Promise<void> {
  const script = `
    import MiniSearch from 'minisearch';
    const q = new URLSearchParams(location.search).get('q') ?? '';
    const options = ${JSON.stringify(miniSearchOptions())};
    fetch('index.json').then((r) => r.text()).then((json) => {
      const index = MiniSearch.loadJSON(json, options);
      const results = index.search(q).slice(0, 20);
      document.body.textContent = results.map((r) => r.title).join('\\n');
      performance.mark('minisearch:results');
    });`;
  await writeFile(join(dir, 'ms-entry.js'), script);
  await esbuild.build({ entryPoints: [join(dir, 'ms-entry.js')], bundle: true, minify: true, outfile: join(dir, 'ms.js'), absWorkingDir: root, nodePaths: [join(root, 'node_modules')], logLevel: 'silent' });
  await writeFile(join(dir, 'ms.html'), '<!doctype html><meta charset="utf-8"><body></body><script src="ms.js"></script>');
}

/** Cold opens (each query, then the empty one) and, in one open popup, every query of the set: input event → results ready. */
async function popupFigures(context: BrowserContext, popup: string, coldQueries: readonly string[], queries: readonly string[], runs: number, hasMergedMark: boolean) {
  const mergedMark = hasMergedMark ? MERGED_MARK : undefined;
  const figures = { coldOpen: [] as number[], coldOpenEmpty: [] as number[], popupQuery: [] as number[], coldOpenMerged: [] as number[], coldOpenEmptyMerged: [] as number[], popupQueryMerged: [] as number[] };
  for (let run = 0; run < runs; run++) {
    for (const q of coldQueries) {
      const { first, merged } = await coldOpenBoth(context, `${popup}?q=${encodeURIComponent(q)}`, 'backstory:search-results', mergedMark);
      figures.coldOpen.push(first);
      figures.coldOpenMerged.push(merged);
    }
    const { first, merged } = await coldOpenBoth(context, popup, 'backstory:search-results', mergedMark);
    figures.coldOpenEmpty.push(first);
    figures.coldOpenEmptyMerged.push(merged);
  }
  const page = await context.newPage();
  await page.goto(popup);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, 'backstory:search-results');
  for (let run = 0; run < runs; run++) {
    for (const q of queries) {
      const latency = await page.evaluate(`(async () => {
        const marks = (name) => performance.getEntriesByName(name);
        const before = marks('backstory:search-results').length;
        const mergedBefore = marks(${JSON.stringify(MERGED_MARK)}).length;
        const box = document.querySelector('.search-box');
        const started = performance.now();
        box.value = ${JSON.stringify(q)};
        box.dispatchEvent(new Event('input', { bubbles: true }));
        while (marks('backstory:search-results').length === before) await new Promise((resolve) => setTimeout(resolve, 0));
        if (!${hasMergedMark}) return [marks('backstory:search-results')[before].startTime - started, NaN];
        while (marks(${JSON.stringify(MERGED_MARK)}).length === mergedBefore) await new Promise((resolve) => setTimeout(resolve, 0));
        return [marks('backstory:search-results')[before].startTime - started, marks(${JSON.stringify(MERGED_MARK)})[mergedBefore].startTime - started];
      })()`);
      const [first, merged] = latency as [number, number];
      figures.popupQuery.push(first);
      figures.popupQueryMerged.push(merged);
    }
  }
  await page.close();
  return figures;
}

interface Figures {
  build: number;
  indexBytes: number;
  indexFiles: number;
  coldOpen: number[];
  coldOpenEmpty: number[];
  coldOpenMerged: number[];
  coldOpenEmptyMerged: number[];
  popupQueryMerged: number[];
  query: number[];
  queryCold: number[];
  popupQuery: number[];
}

interface CapturedFigures {
  indexBuild: number;
  coldOpen: number[];
  coldOpenEmpty: number[];
  popupQuery: number[];
  coldOpenMerged: number[];
  coldOpenEmptyMerged: number[];
  popupQueryMerged: number[];
  nodeBase: number;
  nodeRecent: number;
  nodeQuery: number[];
}

interface Options {
  runs: number;
  /** Captured articles stored beside the bundled archive, in steps. */
  captured: readonly number[];
  miniSearchMax: number;
  manyHosts: boolean;
  workDir: string | undefined;
  /** A built extension (dist/chromium) whose code replaces the reused build's: the archive is kept. */
  codeFrom: string | undefined;
}

/**
 * The code of `from` (a build of this checkout) over a reused build's, keeping its archive
 * and manifest (its sites): a code change is measured at 100,000 articles without the
 * 15-minute compile of the same archive again.
 */
async function refreshCode(from: string, to: string): Promise<void> {
  const kept = (path: string): boolean => {
    const inside = relative(from, path);
    return inside !== 'manifest.json' && inside !== 'archive' && !inside.startsWith('archive/');
  };
  await cp(from, to, { recursive: true, force: true, filter: kept });
}

/** MiniSearch's build and queries in a process of its own; why it failed when it did. */
function miniSearchInOwnProcess(work: string, queries: readonly string[], runs: number): Promise<MiniSearchFigures | { failed: string }> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    execFile('npx', ['tsx', join(root, 'scripts/bench/minisearch-child.ts'), work, JSON.stringify(queries), String(runs)], { maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MiniSearchFigures);
      const heap = /heap out of memory|Allocation failed[^\n]*/i.exec(stderr)?.[0];
      resolvePromise({ failed: `${heap ?? `exit ${String(error.code ?? error.signal)}`} after ${fmtMs(performance.now() - started)}` });
    });
  });
}

async function benchSize(size: number, options: Options, realSeed: string): Promise<void> {
  const { runs } = options;
  const work = options.workDir ? join(options.workDir, `${size}${options.manyHosts ? '-many-hosts' : ''}`) : await mkdtemp(join(tmpdir(), `backstory-bench-${size}-`));
  try {
    // The queries depend on the real seed only, not on the archive's size.
    const queries = syntheticArchive(realSeed, 1).queries;

    // --- Backstory ---
    const ours: Figures = { build: 0, indexBytes: 0, indexFiles: 0, coldOpen: [], coldOpenEmpty: [], coldOpenMerged: [], coldOpenEmptyMerged: [], popupQueryMerged: [], query: [], queryCold: [], popupQuery: [] };
    const built = buildInOwnProcess(size, work, { manyHosts: options.manyHosts });
    ours.build = built.ms;
    if (options.codeFrom) await refreshCode(options.codeFrom, join(work, 'dist/chromium'));
    const archiveDir = join(work, 'dist/chromium/archive');
    ({ bytes: ours.indexBytes, files: ours.indexFiles } = await dirSize(join(archiveDir, 'search')));

    const readJson = async (path: string): Promise<unknown> => readArchiveFile(archiveDir, path);
    const warm = new SearchEngine(readJson);
    for (const q of queries) await warm.search(q, 20); // warm-up round
    let started: number;
    for (let run = 0; run < runs; run++) {
      for (const q of queries) {
        started = performance.now();
        await warm.search(q, 20);
        ours.query.push(performance.now() - started);
        const cold = new SearchEngine(readJson);
        started = performance.now();
        await cold.search(q, 20);
        ours.queryCold.push(performance.now() - started);
      }
    }

    const capturedMost = Math.max(0, ...options.captured);
    const capturedAll = capturedMost > 0 ? capturedArticles(realSeed, capturedMost) : [];
    const captured = new Map<number, CapturedFigures>();
    for (const capturedCount of options.captured) {
      const figures: CapturedFigures = { indexBuild: 0, coldOpen: [], coldOpenEmpty: [], popupQuery: [], coldOpenMerged: [], coldOpenEmptyMerged: [], popupQueryMerged: [], nodeBase: 0, nodeRecent: 0, nodeQuery: [] };
      captured.set(capturedCount, figures);
      // What the worker computes (src/background/capture/search-index.ts), without storage: a base
      // segment of every article, a recent segment of RECENT_LIMIT, and queries on the base (warm).
      const byDate = capturedAll.slice(0, capturedCount).sort((a, b) => b.date.localeCompare(a.date) || b.capturedAt - a.capturedAt);
      started = performance.now();
      const baseFiles = buildSearchIndex(byDate);
      figures.nodeBase = performance.now() - started;
      started = performance.now();
      buildSearchIndex(byDate.slice(0, RECENT_LIMIT));
      figures.nodeRecent = performance.now() - started;
      const records = new Map(byDate.map((a) => [`articles/${a.id}.json`, a]));
      const baseEngine = new SearchEngine(async (path) => baseFiles.get(path) ?? records.get(path));
      for (const q of queries) await baseEngine.search(q, 20);
      for (let run = 0; run < runs; run++) {
        for (const q of queries) {
          started = performance.now();
          await baseEngine.search(q, 20);
          figures.nodeQuery.push(performance.now() - started);
        }
      }
    }

    // --- MiniSearch, same articles, same fields, in a process of its own ---
    const msDir = join(work, 'minisearch');
    const msFigures = size <= options.miniSearchMax ? await miniSearchInOwnProcess(work, queries, runs) : { failed: `not tried (--minisearch-max ${options.miniSearchMax})` };
    const ms: Figures | null = 'failed' in msFigures ? null : { build: msFigures.build, indexBytes: msFigures.indexBytes, indexFiles: 1, coldOpen: [], coldOpenEmpty: [], coldOpenMerged: [], coldOpenEmptyMerged: [], popupQueryMerged: [], query: msFigures.query, queryCold: [], popupQuery: [] };
    if (ms) await miniSearchPage(msDir);

    // --- Chromium: cold open to first results ---
    const browser = await launchChromiumWithExtension(join(work, 'dist/chromium'));
    const msFiles = new Map(
      ms ? ([
        ['ms.html', ['text/html', await readFile(join(msDir, 'ms.html'))]],
        ['ms.js', ['text/javascript', await readFile(join(msDir, 'ms.js'))]],
        ['index.json', ['application/json', await readFile(join(msDir, 'index.json'))]],
      ] as const) : [],
    );
    await browser.context.route(/^http:\/\/bench\.invalid\//, (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      const file = msFiles.get(name as 'ms.html');
      return file ? route.fulfill({ status: 200, contentType: file[0], body: file[1] }) : route.fulfill({ status: 404 });
    });
    try {
      const popup = `chrome-extension://${browser.extensionId}/popup.html`;
      const coldQueries = ['kirb', 'hezbollah', queries[5]!, queries[7]!];
      await coldOpen(browser.context, `${popup}?q=warmup`, 'backstory:search-results'); // first start of the browser's extension process
      // A build from before the second mark (a "before" run with --code-from) is measured on the first only.
      const hasMergedMark = (await readFile(join(work, 'dist/chromium/popup.js'), 'utf8')).includes(MERGED_MARK);
      Object.assign(ours, await popupFigures(browser.context, popup, coldQueries, queries, runs, hasMergedMark));
      // The same popup, the same queries, with the user's own archive beside the bundled one (stored in steps: 1,000, then 4,000 more…).
      let stored = 0;
      for (const [capturedCount, figures] of [...captured].sort((a, b) => a[0] - b[0])) {
        const page = await browser.context.newPage();
        await page.goto(popup);
        figures.indexBuild = await storeCaptured(page, capturedAll.slice(0, capturedCount), stored);
        stored = capturedCount;
        await page.close();
        await coldOpen(browser.context, `${popup}?q=warmup`, 'backstory:search-results');
        Object.assign(figures, await popupFigures(browser.context, popup, coldQueries, queries, runs, hasMergedMark));
      }
      if (ms) {
        const msRuns = Math.min(runs, size >= 5000 ? 3 : runs);
        for (let run = 0; run < msRuns; run++) {
          ms.coldOpen.push(await coldOpen(browser.context, `http://bench.invalid/ms.html?q=${encodeURIComponent(coldQueries[run % coldQueries.length]!)}`, 'minisearch:results'));
        }
      }
    } finally {
      await browser.close();
    }

    const theirs = (pick: (f: Figures) => number, format: (v: number) => string): [string, number] => (ms ? [format(pick(ms)), pick(ms)] : ['—', NaN]);
    const row = (label: string, pick: (f: Figures) => number, format: (v: number) => string): string => {
      const [text, value] = theirs(pick, format);
      return `| ${label} | ${format(pick(ours))} | ${text} | ${ms ? `${(value / pick(ours)).toFixed(1)}×` : '—'} |`;
    };
    console.log(`\n### ${size.toLocaleString('en')} articles (${built.hosts} sites)\n`);
    console.log('| figure | Backstory (sharded index) | MiniSearch (whole index) | MiniSearch ÷ Backstory |');
    console.log('|---|---|---|---|');
    if (ms && !('failed' in msFigures)) console.log(`| search index build (in memory) | ${fmtMs(msFigures.ourIndexBuild)} | ${fmtMs(ms.build)} | ${(ms.build / msFigures.ourIndexBuild).toFixed(1)}× |`);
    console.log(row(`index size on disk (Backstory: ${ours.indexFiles} files)`, (f) => f.indexBytes, mb));
    console.log(row('popup cold open → first results, median (Chromium)', (f) => median(f.coldOpen), fmtMs));
    console.log(row('popup cold open → first results, p95 (Chromium)', (f) => percentile(f.coldOpen, 0.95), fmtMs));
    console.log(row('query median (Node, index in memory after a warm-up round)', (f) => median(f.query), fmtMs));
    console.log(row('query p95 (same)', (f) => percentile(f.query, 0.95), fmtMs));
    if ('failed' in msFigures) console.log(`\n- MiniSearch: ${msFigures.failed}`);
    else console.log(`\n- MiniSearch loadJSON in Node: ${fmtMs(msFigures.load)}`);
    console.log(`- Backstory query in the open popup (Chromium, input event → results ready, before paint; first round reads files, later rounds hit the cache): median ${fmtMs(median(ours.popupQuery))}, p95 ${fmtMs(percentile(ours.popupQuery, 0.95))}`);
    console.log(`- Backstory whole build (own process; compile with the synthetic entity extractor, bundle, write both browsers)${built.reused ? ', from an earlier run' : ''}: ${fmtMs(ours.build)}, peak ${mb(built.peakRssBytes)}`);
    console.log(`- Backstory popup cold open with an empty query (recent articles): median ${fmtMs(median(ours.coldOpenEmpty))}`);
    console.log(`- Second mark (${MERGED_MARK}: bundled, captured and notes all in the list): cold open median ${fmtMs(median(ours.coldOpenMerged))}, p95 ${fmtMs(percentile(ours.coldOpenMerged, 0.95))}; empty query median ${fmtMs(median(ours.coldOpenEmptyMerged))}; query in the open popup median ${fmtMs(median(ours.popupQueryMerged))}, p95 ${fmtMs(percentile(ours.popupQueryMerged, 0.95))}`);
    console.log(`- Backstory query on a fresh engine (nothing cached, files read from disk): median ${fmtMs(median(ours.queryCold))}, p95 ${fmtMs(percentile(ours.queryCold, 0.95))}`);
    if (captured.size > 0) {
      const steps = [...captured].sort((a, b) => a[0] - b[0]);
      console.log(`\n#### The same popup with captured articles (searched by the worker, src/background/capture/search-index.ts)\n`);
      console.log(`| figure | 0 captured (baseline, this run) | ${steps.map(([n]) => `${n.toLocaleString('en')} captured | ratio`).join(' | ')} |`);
      console.log(`|---|---|${steps.map(() => '---|---|').join('')}`);
      const vs = (label: string, pick: (f: Pick<Figures, 'coldOpen' | 'coldOpenEmpty' | 'popupQuery' | 'coldOpenMerged' | 'coldOpenEmptyMerged' | 'popupQueryMerged'>) => number): void => {
        const base = pick(ours);
        console.log(`| ${label} | ${fmtMs(base)} | ${steps.map(([, f]) => `${fmtMs(pick(f))} | ${(pick(f) / base).toFixed(2)}×`).join(' | ')} |`);
      };
      vs('popup cold open → first results, median', (f) => median(f.coldOpen));
      vs('popup cold open → first results, p95', (f) => percentile(f.coldOpen, 0.95));
      vs('cold open, empty query (recent), median', (f) => median(f.coldOpenEmpty));
      vs('query in the open popup, median', (f) => median(f.popupQuery));
      vs('query in the open popup, p95', (f) => percentile(f.popupQuery, 0.95));
      vs('all merged (second mark): cold open, median', (f) => median(f.coldOpenMerged));
      vs('all merged: cold open, p95', (f) => percentile(f.coldOpenMerged, 0.95));
      vs('all merged: empty query, median', (f) => median(f.coldOpenEmptyMerged));
      vs('all merged: query in the open popup, median', (f) => median(f.popupQueryMerged));
      vs('all merged: query in the open popup, p95', (f) => percentile(f.popupQueryMerged, 0.95));
      for (const [n, f] of steps) {
        console.log(`\n- ${n.toLocaleString('en')} captured: the worker's search index built from storage (a merge into one base segment, Chromium): ${fmtMs(f.indexBuild)}`);
        console.log(`- ${n.toLocaleString('en')} captured, in Node, without storage: base segment built in ${fmtMs(f.nodeBase)}; recent segment of ${RECENT_LIMIT} (what a capture rebuilds) in ${fmtMs(f.nodeRecent)}; query on the base, warm: median ${fmtMs(median(f.nodeQuery))}, p95 ${fmtMs(percentile(f.nodeQuery, 0.95))}`);
      }
    }
    console.log(`- ${queries.length} queries × ${runs} runs: ${queries.map((q) => `\`${q}\``).join(', ')}`);
  } finally {
    if (!options.workDir) await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '5' },
      captured: { type: 'string', default: '1000,5000' },
      'minisearch-max': { type: 'string', default: '50000' },
      'many-hosts': { type: 'boolean', default: false },
      // Keep each size's build in DIR/<size> and reuse it on the next run.
      'work-dir': { type: 'string' },
      // With --work-dir: the popup and worker code of this build (e.g. dist/chromium after `npm run build`) over the reused one's.
      'code-from': { type: 'string' },
    },
  });
  const options: Options = { runs: Number(values.runs), captured: values.captured.split(',').map(Number).filter((n) => n > 0), miniSearchMax: Number(values['minisearch-max']), manyHosts: values['many-hosts'], workDir: values['work-dir'], codeFrom: values['code-from'] };
  const realSeed = await readFile(join(root, 'seeds', (await readdir(join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]!), 'utf8');
  console.log(`search benchmark on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
  for (const size of values.sizes.split(',').map(Number)) await benchSize(size, options, realSeed);
}

await main();
