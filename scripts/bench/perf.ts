/**
 * npm run bench [-- --sizes 1000,10000,50000 --page-size 10000 --runs 20 --work-dir DIR] [--only build|pages|sidebar|worker|live] [--real-extractor]
 *
 * The costs users feel, at several archive sizes (synthetic archives from many sites, see
 * synthetic-archive.ts). Prints a table; the figures are recorded in docs/performance.md.
 * - Build: wall time, CPU time and peak memory of the build (own process each, the seeds
 *   made beforehand in another), package size, the archive's bytes per article against the
 *   seeds' raw text, the zipped package (as `npm run package` makes it), manifest size, and
 *   whether Chromium loads that build and shows the sidebar on an article of the last of
 *   its sites. `--real-extractor` builds with the build's entity extractor instead of the
 *   cheap synthetic one; `--only build` stops after this table.
 * - Page loads (`pages`), a page NOT in the archive and a page of an archived site that is
 *   not archived, with no debugger attached: without the extension, with it, and with it
 *   changed one way at a time (manifest-variants.ts: the sites cut to 1, 1,000 or 2,500,
 *   the content script emptied, the sites as host permissions, the script registered
 *   where permitted; `--pad-sites N` pads the manifest first, `--skip-variants` leaves
 *   some out), ratios from the same run; which pages each variant's scripts ran on; and
 *   one traced load per variant of a few (trace.ts).
 * - A matching page (at --page-size): content script size; document_idle → sidebar title
 *   and entities painted, with no debugger attached while the page loads (cdp-pipe.ts),
 *   beside the same extension with a static sidebar page (the iframe floor), with the
 *   worker stopped before each visit, and on a page whose <head> waits 300 ms for a script;
 *   archive bytes read for it; a trace summary of one visit and of the floor (`sidebar`).
 * - The worker (`worker`): JS heap and wake-up time with the archive and `--notes` stored
 *   notes (10,000) on archived articles, against a warm worker in the same run.
 * - The live comparison: sidebar open → verdict shown, on the seed page and on a
 *   20,000-word page (live-verdict.ts); `--only live` runs just that.
 * `--only pages|sidebar|worker`: the build at --page-size, then only that part. `--work-dir
 * DIR` keeps each size's build in DIR/<size>-many-hosts and reuses it on the next run.
 * Not part of `npm test`.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { PACKED_FILE_SUFFIX, type ArchiveMeta, type Article, type CatalogEntry } from '../../src/shared/archive-format';
import { shardName, shardOf } from '../../src/shared/shards';
import { siteOfPattern } from '../../src/shared/url-key';
import { padSites, pageLoadVariants } from './manifest-variants';
import { readArchiveFile } from '../archive/archive-files';
import { zipExtension } from '../package-zip';
import { articlePageHtml } from '../article-server';
import { launchChromiumWithExtension } from '../chromium-extension';
import type { CdpPipe } from '../cdp-pipe';
import { extensionVariant, launchServed, LOAD_BEACON, serveByHost, servedAt, staticSidebarVariant, stopWorker, timedLoad, visit, workerHeapBytes, type VisitTimes } from './sidebar-timing';
import { liveVerdictFigures } from './live-verdict';
import { printLoadTraceSummary, printTraceSummary, summarizeLoadTrace, summarizeSidebarTrace, traced, type TraceSummary } from './trace';
import { buildInOwnProcess, type ChildBuild } from './child-build';
import { dirSize, fmtMs, mb, median, percentile } from './stats';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    'page-size': { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    notes: { type: 'string', default: '10000' },
    // Leave out the live comparison (it does not depend on the archive's size).
    'no-live': { type: 'boolean', default: false },
    only: { type: 'string' },
    'real-extractor': { type: 'boolean', default: false },
    // Keep each size's build in DIR/<size> and reuse it on the next run (the build is not re-measured then).
    'work-dir': { type: 'string' },
    // Page loads: pad the manifest's sites to this many (made-up sites with no articles).
    'pad-sites': { type: 'string' },
    // Page loads: leave out the variants whose names contain any of these words (comma-separated).
    'skip-variants': { type: 'string' },
  },
});
const PARTS = ['build', 'pages', 'sidebar', 'worker', 'live'];
if (values.only !== undefined && !PARTS.includes(values.only)) throw new Error(`--only takes one of ${PARTS.join(', ')}, not ${values.only}`);
const pageSize = Number(values['page-size']);
// A part that measures pages needs only the build it measures them on.
const sizes = ['pages', 'sidebar', 'worker'].includes(values.only ?? '') ? [pageSize] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const notesCount = Number(values.notes);
const OTHER_PAGE = 'https://example.org/news/story.html';

const spread = (xs: number[]): string => `${fmtMs(median(xs))} / ${fmtMs(percentile(xs, 0.95))}`;

interface BuildFigures extends ChildBuild {
  packageBytes: number;
  archiveBytes: number;
  seedBytes: number;
  zipBytes: number;
  manifestBytes: number;
  lastSiteShows: boolean;
}

/** The sites of a build, from its manifest's content-script patterns (`*://*.host/*`). */
async function manifestSites(extensionDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ matches: string[] }> };
  return (manifest.content_scripts[0]?.matches ?? []).flatMap((pattern) => siteOfPattern(pattern) ?? []);
}

/** The ids of the first `count` articles in the catalog's shards. */
function catalogIds(extensionDir: string, count: number): string[] {
  const archiveDir = join(extensionDir, 'archive');
  const meta = readArchiveFile<ArchiveMeta>(archiveDir, 'meta.json');
  const ids: string[] = [];
  for (let shard = 0; shard < meta.shards.catalog && ids.length < count; shard++) {
    const entries = readArchiveFile<Record<string, CatalogEntry>>(archiveDir, `catalog/${shardName(shard, meta.shards.catalog)}.json`);
    ids.push(...Object.keys(entries).slice(0, count - ids.length));
  }
  return ids;
}

/** An article of the manifest's last site. */
async function articleOfLastSite(extensionDir: string): Promise<Article> {
  const archiveDir = join(extensionDir, 'archive');
  const meta = readArchiveFile<ArchiveMeta>(archiveDir, 'meta.json');
  const last = (await manifestSites(extensionDir)).at(-1);
  for (let shard = 0; shard < meta.shards.catalog; shard++) {
    const name = shardName(shard, meta.shards.catalog);
    const entries = Object.values(readArchiveFile<Record<string, CatalogEntry>>(archiveDir, `catalog/${name}.json`));
    const entry = entries.find((candidate) => candidate.host === last);
    if (entry) return readArchiveFile<Article>(archiveDir, `articles/${entry.id}.json`);
  }
  throw new Error(`no article of ${String(last)} in the catalog`);
}

/** Loads the build in Chromium and opens an article of its last site: does the sidebar paint? */
async function lastSiteShowsSidebar(extensionDir: string): Promise<boolean> {
  const article = await articleOfLastSite(extensionDir);
  const served = servedAt(article.url);
  const { server, port } = await serveByHost(new Map([[served.key, { body: articlePageHtml(article) }]]));
  const cdp = await launchServed(extensionDir, port);
  try {
    await cdp.waitForTarget((target) => target.type === 'service_worker', 60_000);
    await visit(cdp, served.httpUrl);
    return true;
  } catch (error) {
    console.error(`no sidebar on ${article.url}: ${String(error)}`);
    return false;
  } finally {
    await cdp.close();
    server.close();
  }
}

interface LoadFigures {
  /** Variant → [page not in the archive, page of an archived site that is not archived] load times. */
  variants: Map<string, [number[], number[]]>;
  /** Variant → extension scripts that ran on [the page not in the archive, the archived page]. */
  scripts: Map<string, [number, number]>;
  /** One traced load of the archived site's other page, for some variants. */
  traces: Array<[string, TraceSummary]>;
}

/** The variants whose load of the archived site's other page is traced: what the cost is made of. */
const TRACED_LOADS = ['without the extension', 'Backstory', "content-script matches cut to the page's site (1 pattern)", "the sites as host_permissions, content-script matches cut to the page's site"];

/**
 * Page loads with no debugger attached (each page reports its own load time, LOAD_BEACON):
 * without the extension, with Backstory, and with Backstory changed one way at a time
 * (manifest-variants.ts), so that the difference names what the change costs or saves.
 * One browser at a time, in blocks taken in turn so the machine's drift falls on all of
 * them. Then, per variant, which pages its scripts ran on (the access it has).
 */
async function loadFigures(extensionDir: string, pages: ReadonlyMap<string, string>, otherPage: string, sitePage: string, archivedPage: string): Promise<LoadFigures> {
  const served = await serveByHost(new Map([...pages].map(([url, html]) => [servedAt(url).key, { body: html.replace('</body>', `${LOAD_BEACON}</body>`) }])));
  const skip = (values['skip-variants'] ?? '').split(',').filter(Boolean);
  const wanted = pageLoadVariants(new URL(sitePage).hostname).filter(({ name }) => !skip.some((word) => name.includes(word)));
  const made = await Promise.all(wanted.map(async ({ name, change }) => ({ name, ...(await extensionVariant(extensionDir, change)) })));
  const order: Array<[string, string | null]> = [['without the extension', null], ['Backstory', extensionDir], ...made.map(({ name, dir }): [string, string] => [name, dir])];
  const figures: LoadFigures = { variants: new Map(order.map(([name]) => [name, [[], []]])), scripts: new Map(), traces: [] };
  const blocks = 4;
  const perBlock = Math.ceil((runs * 5) / blocks);
  try {
    for (let block = 0; block < blocks; block++) {
      const turn = block % 2 === 0 ? order : [...order].reverse();
      for (const [name, dir] of turn) {
        const cdp = await launchServed(dir, served.port);
        try {
          if (dir) await cdp.waitForTarget((target) => target.type === 'service_worker', 60_000);
          await new Promise((resolve) => setTimeout(resolve, 1500)); // a browser that has just started is busy with itself
          for (const url of [otherPage, sitePage]) await timedLoad(cdp, served, servedAt(url).httpUrl);
          const [other, onSite] = figures.variants.get(name)!;
          for (let i = 0; i < perBlock; i++) {
            other.push((await timedLoad(cdp, served, servedAt(otherPage).httpUrl)).load);
            onSite.push((await timedLoad(cdp, served, servedAt(sitePage).httpUrl)).load);
          }
        } catch (error) {
          // One browser that did not start (a loaded machine) loses its block, not the run.
          console.error(`block ${block + 1} of ${name}: ${String(error)}`);
        } finally {
          await cdp.close();
        }
      }
    }
    for (const [name, dir] of order.filter(([variant]) => TRACED_LOADS.includes(variant))) {
      const cdp = await launchServed(dir, served.port);
      try {
        if (dir) await cdp.waitForTarget((target) => target.type === 'service_worker', 60_000);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        for (let i = 0; i < 3; i++) await timedLoad(cdp, served, servedAt(sitePage).httpUrl);
        const { events } = await traced(cdp, () => timedLoad(cdp, served, servedAt(sitePage).httpUrl));
        figures.traces.push([name, summarizeLoadTrace(events, new URL(sitePage).host)]);
      } catch (error) {
        console.error(`trace of a load with ${name}: ${String(error)}`);
      } finally {
        await cdp.close();
      }
    }
    for (const [name, dir] of order) if (dir) figures.scripts.set(name, await scriptsRan(dir, pages, otherPage, archivedPage));
    return figures;
  } finally {
    for (const variant of made) await variant.remove();
    served.server.close();
  }
}

/** How many extension scripts ran on the page not in the archive and on an archived page (Playwright). */
async function scriptsRan(extensionDir: string, pages: ReadonlyMap<string, string>, otherPage: string, archivedPage: string): Promise<[number, number]> {
  const browser = await launchChromiumWithExtension(extensionDir);
  try {
    await browser.context.route(/^https?:\/\//, (route) => {
      const body = pages.get(route.request().url().split('#')[0] ?? '');
      return route.fulfill({ status: body ? 200 : 404, contentType: 'text/html; charset=utf-8', body: body ?? 'not found' });
    });
    return [await extensionContextsOn(browser.context, otherPage), await extensionContextsOn(browser.context, archivedPage)];
  } finally {
    await browser.close();
  }
}

async function extensionContextsOn(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let count = 0;
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.origin.startsWith('chrome-extension://')) count += 1;
  });
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  await page.close();
  return count;
}

interface PaintFigures {
  warm: VisitTimes[];
  floor: VisitTimes[];
  cold: VisitTimes[];
  slow: VisitTimes[];
  /** One traced visit each of Backstory and of the floor, after the measured ones. */
  traces: Array<[string, TraceSummary]>;
}

/** The sidebar paint, in Backstory and in its static-sidebar variant visited in turn, then cold and on a slow page. */
async function sidebarFigures(extensionDir: string, article: Article): Promise<PaintFigures> {
  const plain = servedAt(article.url);
  // A tracking parameter: the same archived article, served with a slow script in <head>.
  const slow = servedAt(`${article.url}?utm_source=bench-slow-head`);
  const slowScript = servedAt(`https://${article.host}/bench/slow-tag-manager.js`);
  const slowPage = articlePageHtml(article).replace('</head>', `<script src="${slowScript.httpUrl}"></script></head>`);
  const { server, port } = await serveByHost(
    new Map([
      [plain.key, { body: articlePageHtml(article) }],
      [slow.key, { body: slowPage }],
      [slowScript.key, { body: 'window.slowScriptRan = true;', contentType: 'text/javascript', delayMs: 300 }],
    ]),
  );
  const variant = await staticSidebarVariant(extensionDir);
  // One browser at a time: an idle headless Chromium still composites frames, and would tax
  // the one being measured. Blocks in turn (ABBA…) so the machine's drift falls on both.
  const visits = async (dir: string, count: number, before: (cdp: CdpPipe) => Promise<void>, url: string, trace?: string): Promise<VisitTimes[]> => {
    const cdp = await launchServed(dir, port);
    try {
      // A browser that has just started is still busy with itself; then warm up processes,
      // caches and the worker's shards.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (let i = 0; i < 2; i++) await visit(cdp, plain.httpUrl);
      const times: VisitTimes[] = [];
      for (let i = 0; i < count; i++) {
        await before(cdp);
        times.push(await visit(cdp, url));
      }
      if (trace) {
        const { events } = await traced(cdp, () => visit(cdp, url));
        // A trace the summary cannot read is reported, not fatal: the figures above stand.
        try {
          figures.traces.push([trace, summarizeSidebarTrace(events, new URL(url).host)]);
        } catch (error) {
          console.error(`trace of ${trace}: ${String(error)}`);
        }
      }
      return times;
    } finally {
      await cdp.close();
    }
  };
  const warmWorker = async (): Promise<void> => undefined;
  const figures: PaintFigures = { warm: [], floor: [], cold: [], slow: [], traces: [] };
  try {
    const blocks = 4;
    const perBlock = Math.ceil(runs / blocks);
    for (let block = 0; block < blocks; block++) {
      const order = block % 2 === 0 ? (['warm', 'floor'] as const) : (['floor', 'warm'] as const);
      for (const which of order) {
        const trace = block === blocks - 1 ? (which === 'warm' ? 'Backstory' : 'the floor (static sidebar page)') : undefined;
        figures[which].push(...(await visits(which === 'warm' ? extensionDir : variant.dir, perBlock, warmWorker, plain.httpUrl, trace)));
      }
    }
    figures.slow = await visits(extensionDir, runs, warmWorker, slow.httpUrl);
    figures.cold = await visits(extensionDir, runs, stopWorker, plain.httpUrl);
    return figures;
  } finally {
    await variant.remove();
    server.close();
  }
}

interface WorkerFigures {
  heapAfterWake: number;
  heapAfterSearch: number;
  warm: number[];
  cold: number[];
}

/** `--notes` notes stored from the popup, then the worker's heap and its answer time, warm and woken. */
async function workerFigures(extensionDir: string, article: Article): Promise<WorkerFigures> {
  const plain = servedAt(article.url);
  const { server, port } = await serveByHost(new Map([[plain.key, { body: articlePageHtml(article) }]]));
  const cdp = await launchServed(extensionDir, port);
  try {
    const worker = await cdp.waitForTarget((target) => target.type === 'service_worker');
    const { targetId: popup } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: new URL('popup.html', worker.url).href });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const send = (type: string, payload: string): string => `chrome.runtime.sendMessage({ channel: 'backstory/1', type: '${type}', payload: ${payload} })`;
    // Notes on archived articles (a note on an id the catalog lacks is refused), each checked stored.
    const ids = catalogIds(extensionDir, notesCount);
    const stored = await cdp.evaluate<number>(
      popup,
      `(async () => {
        const ids = ${JSON.stringify(ids)};
        let stored = 0;
        // Twenty saves at a time: each is its own article's record, so they do not wait on one lock.
        for (let from = 0; from < ids.length; from += 20) {
          const answers = await Promise.all(ids.slice(from, from + 20).map((articleId, k) =>
            ${send('notes/save-note', `{ articleId, text: 'Benchmark note ' + (from + k) + ': ' + 'lorem ipsum '.repeat(20), tags: ['bench'], baseRevision: 0, baseText: '' }`)}));
          stored += answers.filter((answer) => answer && answer.ok).length;
        }
        return stored;
      })()`,
    );
    if (stored !== ids.length) throw new Error(`only ${stored} of ${ids.length} notes were stored`);
    const search = send('notes/search', `{ query: 'benchmark', limit: 5 }`);
    const ask = (): Promise<number> => cdp.evaluate<number>(popup, `(async () => { const started = performance.now(); await ${search}; return performance.now() - started; })()`);

    await stopWorker(cdp);
    await visit(cdp, plain.httpUrl);
    const heapAfterWake = await workerHeapBytes(cdp);
    await ask();
    const heapAfterSearch = await workerHeapBytes(cdp);

    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < Math.min(runs, 10); i++) {
      warm.push(await ask());
      await stopWorker(cdp);
      cold.push(await ask());
    }
    return { heapAfterWake, heapAfterSearch, warm, cold };
  } finally {
    await cdp.close();
    server.close();
  }
}

async function printLiveVerdict(): Promise<void> {
  const figures = await liveVerdictFigures(runs);
  console.log(`\n## Live comparison: sidebar open → verdict shown (Chromium, shipped build, ${runs} runs, median / p95)\n`);
  console.log('| page | archived words | verdict | open → verdict shown, median | p95 | open → title painted, median |');
  console.log('| --- | --: | --- | --: | --: | --: |');
  for (const f of figures) {
    console.log(`| ${f.page} | ${f.words.toLocaleString('en')} | ${f.verdict} | ${fmtMs(f.median)} | ${fmtMs(f.p95)} | ${fmtMs(f.titleMedian)} |`);
  }
}

async function measureBuild(size: number, work: string): Promise<BuildFigures> {
  const built = buildInOwnProcess(size, work, { manyHosts: true, realExtractor: values['real-extractor'] });
  const extensionDir = join(work, 'dist/chromium');
  const zip = join(work, 'chromium.zip');
  await zipExtension(extensionDir, zip);
  const figures: BuildFigures = {
    ...built,
    packageBytes: (await dirSize(extensionDir)).bytes,
    archiveBytes: (await dirSize(join(extensionDir, 'archive'))).bytes,
    seedBytes: (await dirSize(join(work, 'seeds'))).bytes,
    zipBytes: (await stat(zip)).size,
    manifestBytes: (await stat(join(extensionDir, 'manifest.json'))).size,
    lastSiteShows: await lastSiteShowsSidebar(extensionDir),
  };
  await rm(zip, { force: true });
  console.log(`${built.reused ? 'reused the build of' : 'built'} ${size}: ${fmtMs(figures.ms)}, peak ${mb(figures.peakRssBytes)}, package ${mb(figures.packageBytes)}, zipped ${mb(figures.zipBytes)}, ${figures.hosts} sites`);
  return figures;
}

function printBuilds(builds: readonly BuildFigures[]): void {
  console.log(`\n## Build (own process per size; ${values['real-extractor'] ? 'the real entity extractor' : 'the cheap synthetic extractor'})\n`);
  console.log('| articles | build (wall) | CPU | per article (wall) | worker threads | peak memory | package on disk | archive/ per article | ÷ seed text | zipped (Chromium) | sites = manifest patterns | manifest.json | sidebar on the last site |');
  console.log('| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |');
  for (const b of builds) {
    const cells = [
      b.articles, fmtMs(b.ms), fmtMs(b.cpuMs), `${(b.ms / b.articles).toFixed(2)} ms`, b.workers, mb(b.peakRssBytes), mb(b.packageBytes),
      `${(b.archiveBytes / b.articles / 1000).toFixed(2)} KB`, (b.archiveBytes / b.seedBytes).toFixed(2), mb(b.zipBytes), b.hosts,
      `${(b.manifestBytes / 1024).toFixed(1)} KB`, b.lastSiteShows ? 'yes' : 'NO',
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

/** The archive's first article (by file name), as the extension reads it. */
async function firstArticle(extensionDir: string): Promise<Article> {
  const articleFile = (await readdir(join(extensionDir, 'archive/articles'))).sort()[0] ?? '';
  return readArchiveFile<Article>(join(extensionDir, 'archive'), `articles/${articleFile.slice(0, -PACKED_FILE_SUFFIX.length)}`);
}

const ratio = (a: number[], b: number[]): string => (median(a) / median(b)).toFixed(2);
/** `--only build|pages|sidebar|worker|live` runs one part (with the build it needs; live needs none). */
const part = (name: string): boolean => values.only === undefined || values.only === name;

async function main(): Promise<void> {
  if (values.only === 'live') return printLiveVerdict();
  const works = new Map<number, string>();
  const builds: BuildFigures[] = [];
  for (const size of sizes) {
    const work = values['work-dir'] ? join(values['work-dir'], `${size}-many-hosts`) : await mkdtemp(join(tmpdir(), `backstory-perf-${size}-`));
    works.set(size, work);
    builds.push(await measureBuild(size, work));
    if ((size !== pageSize || values.only === 'build') && !values['work-dir']) await rm(work, { recursive: true, force: true });
  }
  printBuilds(builds);
  if (values.only === 'build') return;

  const work = works.get(pageSize);
  if (!work) return;
  const extensionDir = join(work, 'dist/chromium');
  const article = await firstArticle(extensionDir);
  const meta = readArchiveFile<ArchiveMeta>(join(extensionDir, 'archive'), 'meta.json');
  const newsPage = await readFile(join(root, 'tests/fixtures/pages/seed-article.html'), 'utf8');
  const sites = (await manifestSites(extensionDir)).length;
  // A page of an archived site that is not archived itself; like most news pages it names
  // itself as canonical, so the content script asks twice (its address, then the canonical).
  const onArchiveSite = `https://${article.host}/news/not-archived-story.html`;
  const pages = new Map([
    [OTHER_PAGE, newsPage],
    [onArchiveSite, newsPage.replace('<!--HEAD-->', `<link rel="canonical" href="${onArchiveSite}">`)],
    [article.url, articlePageHtml(article)],
  ]);

  if (part('pages')) {
    // `--pad-sites N`: the site count of a larger archive, on this one's articles.
    const padTo = values['pad-sites'] === undefined ? 0 : Number(values['pad-sites']);
    const base = padTo > sites ? await extensionVariant(extensionDir, padSites(padTo)) : null;
    const loads = await loadFigures(base?.dir ?? extensionDir, pages, OTHER_PAGE, onArchiveSite, article.url);
    const [otherWithout, siteWithout] = loads.variants.get('without the extension')!;
    console.log(`\n## Page loads (archive of ${pageSize} articles on ${base ? `${sites} sites, the manifest padded to ${padTo}` : `${sites} sites`}; ${runs * 5} loads each, no debugger attached; median / p95)\n`);
    console.log('| variant | page not in the archive | ratio to without | page of an archived site, not archived | ratio to without | over without (median) |');
    console.log('| --- | --- | --: | --- | --: | --: |');
    for (const [name, [other, onSite]] of loads.variants) {
      console.log(`| ${name} | ${spread(other)} | ${(median(other) / median(otherWithout)).toFixed(3)} | ${spread(onSite)} | ${(median(onSite) / median(siteWithout)).toFixed(3)} | ${fmtMs(median(onSite) - median(siteWithout))} |`);
    }
    console.log('\n| variant | extension scripts that ran on the page not in the archive | on an archived page |');
    console.log('| --- | --: | --: |');
    for (const [name, [off, on]] of loads.scripts) console.log(`| ${name} | ${off} | ${on} |`);
    for (const [name, summary] of loads.traces) printLoadTraceSummary(`${name}, the archived site's other page`, summary);
    await base?.remove();
  }

  try {
    if (part('sidebar')) {
      const paint = await sidebarFigures(extensionDir, article);
      // The worker's reads for the match (meta.json, one URL shard, one catalog shard) and the
      // sidebar's article (src/shared/archive-reader.ts reads exactly these).
      const readPaths = [
        '/archive/meta.json',
        `/archive/urls/${shardOf(article.key, meta.shards.urls)}.json`,
        `/archive/catalog/${shardOf(article.id, meta.shards.catalog)}.json`,
        `/archive/articles/${article.id}.json`,
      ].map((path) => path + PACKED_FILE_SUFFIX);
      let readBytes = 0;
      for (const path of readPaths) readBytes += (await stat(join(extensionDir, path))).size;
      const archiveBytes = (await dirSize(join(extensionDir, 'archive'))).bytes;
      const contentScript = (await stat(join(extensionDir, 'content.js'))).size;
      console.log(`\n## Sidebar (archive of ${pageSize} articles on ${sites} sites, ${runs} runs, median / p95)\n`);
      console.log('| measure | figure |');
      console.log('| --- | --- |');
      console.log(`| content script size (minified) | ${(contentScript / 1024).toFixed(2)} KB |`);
      console.log(`| document_idle → sidebar title and entities painted | ${spread(paint.warm.map((v) => v.sidebarAfterIdle))} |`);
      console.log(`| the same, navigation start → painted | ${spread(paint.warm.map((v) => v.sidebarAfterStart))} |`);
      console.log(`| floor: a static sidebar page in the same iframe, document_idle → painted | ${spread(paint.floor.map((v) => v.sidebarAfterIdle))} |`);
      console.log(`| Backstory ÷ floor (median) | ${ratio(paint.warm.map((v) => v.sidebarAfterIdle), paint.floor.map((v) => v.sidebarAfterIdle))} |`);
      console.log(`| worker stopped before each visit: document_idle → painted | ${spread(paint.cold.map((v) => v.sidebarAfterIdle))} |`);
      console.log(`| page whose <head> waits 300 ms for a script: document_idle → sidebar painted | ${spread(paint.slow.map((v) => v.sidebarAfterIdle))} |`);
      console.log(`| … and → the page's own first contentful paint | ${spread(paint.slow.map((v) => v.pageFirstPaintAfterIdle))} |`);
      console.log(`| archive data read for it | ${(readBytes / 1024).toFixed(1)} KB in ${readPaths.length} files, of ${mb(archiveBytes)} |`);
      for (const [title, summary] of paint.traces) printTraceSummary(title, summary);
    }
    if (part('worker')) {
      const worker = await workerFigures(extensionDir, article);
      console.log(`\n## Worker (archive of ${pageSize} articles, ${notesCount.toLocaleString('en')} notes stored; median / p95)\n`);
      console.log('| measure | figure |');
      console.log('| --- | --- |');
      console.log(`| worker JS heap (after GC), woken by a page | ${mb(worker.heapAfterWake)} |`);
      console.log(`| worker JS heap after a search of the notes | ${mb(worker.heapAfterSearch)} |`);
      console.log(`| worker message (notes search), warm | ${spread(worker.warm)} |`);
      console.log(`| the same, woken after a stop | ${spread(worker.cold)} |`);
      console.log(`| ratio woken / warm (median) | ${ratio(worker.cold, worker.warm)} |`);
    }
  } finally {
    if (!values['work-dir']) await rm(work, { recursive: true, force: true });
  }
  if (part('live') && !values['no-live']) await printLiveVerdict();
}


await main();
