/**
 * npm run bench [-- --sizes 1000,10000,50000 --page-size 10000 --runs 20 --work-dir DIR] [--only live]
 *
 * The costs users feel, at several archive sizes (synthetic archives from many sites, see
 * synthetic-archive.ts). Prints a table; the figures are recorded in docs/performance.md.
 * - Build: wall time and peak memory of the compiler (own process each), package size,
 *   manifest size, and whether Chromium loads that build and shows the sidebar on an
 *   article of the last of its sites.
 * - A page NOT in the archive: load time with the extension vs without, in the same run
 *   (ratio), and whether any extension script ran there.
 * - A matching page (at --page-size): content script size; document_idle → sidebar title
 *   and entities painted, with no debugger attached while the page loads (cdp-pipe.ts),
 *   beside the same extension with a static sidebar page (the iframe floor), with the
 *   worker stopped before each visit, and on a page whose <head> waits 300 ms for a script;
 *   archive bytes read for it.
 * - The worker: JS heap and wake-up time with the archive and 1,000 stored notes, against
 *   a warm worker in the same run.
 * - The live comparison: sidebar open → verdict shown, on the seed page and on a
 *   20,000-word page (live-verdict.ts); `--only live` runs just that.
 * Not part of `npm test`.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import type { ArchiveMeta, Article, CatalogEntry } from '../../src/shared/archive-format';
import { shardName, shardOf } from '../../src/shared/shards';
import { articlePageHtml } from '../article-server';
import { launchChromium, launchChromiumWithExtension } from '../chromium-extension';
import type { CdpPipe } from '../cdp-pipe';
import { launchServed, serveByHost, servedAt, staticSidebarVariant, stopWorker, visit, workerHeapBytes, type VisitTimes } from './sidebar-timing';
import { liveVerdictFigures } from './live-verdict';
import { buildInOwnProcess } from './child-build';
import { dirSize, fmtMs, mb, median, percentile } from './stats';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    'page-size': { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    only: { type: 'string' },
    // Keep each size's build in DIR/<size> and reuse it on the next run (the build is not re-measured then).
    'work-dir': { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const pageSize = Number(values['page-size']);
const runs = Number(values.runs);
const OTHER_PAGE = 'https://example.org/news/story.html';

const spread = (xs: number[]): string => `${fmtMs(median(xs))} / ${fmtMs(percentile(xs, 0.95))}`;

interface BuildFigures {
  articles: number;
  ms: number;
  peakRssBytes: number;
  hosts: number;
  packageBytes: number;
  manifestBytes: number;
  lastSiteShows: boolean;
}

/** The sites of a build, from its manifest's content-script patterns (`*://*.host/*`). */
async function manifestSites(extensionDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ matches: string[] }> };
  return (manifest.content_scripts[0]?.matches ?? []).map((pattern) => pattern.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, ''));
}

/** An article of the manifest's last site. */
async function articleOfLastSite(extensionDir: string): Promise<Article> {
  const meta = JSON.parse(await readFile(join(extensionDir, 'archive/meta.json'), 'utf8')) as ArchiveMeta;
  const last = (await manifestSites(extensionDir)).at(-1);
  for (let shard = 0; shard < meta.shards.catalog; shard++) {
    const name = shardName(shard, meta.shards.catalog);
    const entries = Object.values(JSON.parse(await readFile(join(extensionDir, 'archive/catalog', `${name}.json`), 'utf8')) as Record<string, CatalogEntry>);
    const entry = entries.find((candidate) => candidate.host === last);
    if (entry) return JSON.parse(await readFile(join(extensionDir, 'archive/articles', `${entry.id}.json`), 'utf8')) as Article;
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

async function serve(context: BrowserContext, pages: Map<string, string>): Promise<void> {
  await context.route(/^https?:\/\//, (route) => {
    const body = pages.get(route.request().url().split('#')[0] ?? '');
    return route.fulfill({ status: body ? 200 : 404, contentType: 'text/html; charset=utf-8', body: body ?? 'not found' });
  });
}

async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.close();
  return ms;
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
  const visits = async (dir: string, count: number, before: (cdp: CdpPipe) => Promise<void>, url: string): Promise<VisitTimes[]> => {
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
      return times;
    } finally {
      await cdp.close();
    }
  };
  const warmWorker = async (): Promise<void> => undefined;
  try {
    const figures: PaintFigures = { warm: [], floor: [], cold: [], slow: [] };
    const blocks = 4;
    const perBlock = Math.ceil(runs / blocks);
    for (let block = 0; block < blocks; block++) {
      const order = block % 2 === 0 ? (['warm', 'floor'] as const) : (['floor', 'warm'] as const);
      for (const which of order) {
        figures[which].push(...(await visits(which === 'warm' ? extensionDir : variant.dir, perBlock, warmWorker, plain.httpUrl)));
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

/** 1,000 notes stored from the popup, then the worker's heap and its answer time, warm and woken. */
async function workerFigures(extensionDir: string, article: Article): Promise<WorkerFigures> {
  const plain = servedAt(article.url);
  const { server, port } = await serveByHost(new Map([[plain.key, { body: articlePageHtml(article) }]]));
  const cdp = await launchServed(extensionDir, port);
  try {
    const worker = await cdp.waitForTarget((target) => target.type === 'service_worker');
    const { targetId: popup } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: new URL('popup.html', worker.url).href });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const send = (type: string, payload: string): string => `chrome.runtime.sendMessage({ channel: 'backstory/1', type: '${type}', payload: ${payload} })`;
    await cdp.evaluate(
      popup,
      `(async () => {
        for (let i = 0; i < 1000; i++) {
          const articleId = (BigInt('0x${article.id}') + BigInt(i)).toString(16).padStart(16, '0').slice(-16);
          await ${send('notes/save-note', `{ articleId, text: 'Benchmark note ' + i + ': ' + 'lorem ipsum '.repeat(20), tags: ['bench'], baseRevision: 0, baseText: '' }`)};
        }
      })()`,
    );
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

async function main(): Promise<void> {
  if (values.only === 'live') return printLiveVerdict();
  const works = new Map<number, string>();
  const builds: BuildFigures[] = [];
  for (const size of sizes) {
    const work = values['work-dir'] ? join(values['work-dir'], `${size}-many-hosts`) : await mkdtemp(join(tmpdir(), `backstory-perf-${size}-`));
    works.set(size, work);
    const built = buildInOwnProcess(size, work, true);
    const extensionDir = join(work, 'dist/chromium');
    const figures: BuildFigures = {
      ...built,
      packageBytes: (await dirSize(extensionDir)).bytes,
      manifestBytes: (await stat(join(extensionDir, 'manifest.json'))).size,
      lastSiteShows: await lastSiteShowsSidebar(extensionDir),
    };
    builds.push(figures);
    console.log(`${built.reused ? 'reused the build of' : 'built'} ${size}: ${fmtMs(figures.ms)}, peak ${mb(figures.peakRssBytes)}, package ${mb(figures.packageBytes)}, ${figures.hosts} sites`);
    if (size !== pageSize && !values['work-dir']) await rm(work, { recursive: true, force: true });
  }

  console.log('\n## Build (own process per size)\n');
  console.log('| articles | build | per article | peak memory | package on disk | sites = manifest patterns | manifest.json | sidebar on the last site |');
  console.log('| --: | --: | --: | --: | --: | --: | --: | --- |');
  for (const b of builds) {
    const cells = [b.articles, fmtMs(b.ms), `${(b.ms / b.articles).toFixed(2)} ms`, mb(b.peakRssBytes), mb(b.packageBytes), b.hosts, `${(b.manifestBytes / 1024).toFixed(1)} KB`, b.lastSiteShows ? 'yes' : 'NO'];
    console.log(`| ${cells.join(' | ')} |`);
  }

  const work = works.get(pageSize);
  if (!work) return;
  const extensionDir = join(work, 'dist/chromium');
  const articleFile = (await readdir(join(extensionDir, 'archive/articles'))).sort()[0] ?? '';
  const article = JSON.parse(await readFile(join(extensionDir, 'archive/articles', articleFile), 'utf8')) as Article;
  const meta = JSON.parse(await readFile(join(extensionDir, 'archive/meta.json'), 'utf8')) as ArchiveMeta;
  const newsPage = await readFile(join(root, 'tests/fixtures/pages/seed-article.html'), 'utf8');
  // A page of an archived site that is not archived itself; like most news pages it names
  // itself as canonical, so the content script asks twice (its address, then the canonical).
  const onArchiveSite = `https://${article.host}/news/not-archived-story.html`;
  const pages = new Map([
    [OTHER_PAGE, newsPage],
    [onArchiveSite, newsPage.replace('<!--HEAD-->', `<link rel="canonical" href="${onArchiveSite}">`)],
    [article.url, articlePageHtml(article)],
  ]);

  const withExtension = await launchChromiumWithExtension(extensionDir);
  const without = await launchChromium(null);
  const loadWith: number[] = [];
  const loadWithout: number[] = [];
  const siteWith: number[] = [];
  const siteWithout: number[] = [];
  let scriptsOff: number;
  let scriptsOn: number;
  try {
    await serve(withExtension.context, pages);
    await serve(without.context, pages);
    // Warm both browsers' caches and processes before measuring.
    for (const url of [OTHER_PAGE, onArchiveSite]) {
      await loadTime(withExtension.context, url);
      await loadTime(without.context, url);
    }
    // Loads are short and the machine's noise is not: five times the runs.
    for (let i = 0; i < runs * 5; i++) {
      // Alternate the order so neither browser always goes first.
      for (const [url, withIt, withoutIt] of [[OTHER_PAGE, loadWith, loadWithout], [onArchiveSite, siteWith, siteWithout]] as const) {
        if (i % 2 === 0) {
          withIt.push(await loadTime(withExtension.context, url));
          withoutIt.push(await loadTime(without.context, url));
        } else {
          withoutIt.push(await loadTime(without.context, url));
          withIt.push(await loadTime(withExtension.context, url));
        }
      }
    }
    scriptsOff = await extensionContextsOn(withExtension.context, OTHER_PAGE);
    scriptsOn = await extensionContextsOn(withExtension.context, article.url);
  } finally {
    await withExtension.close();
    await without.close();
  }

  try {
    const paint = await sidebarFigures(extensionDir, article);
    // The worker's reads for the match (meta.json, one URL shard, one catalog shard) and the
    // sidebar's article (src/shared/archive-reader.ts reads exactly these).
    const readPaths = [
      '/archive/meta.json',
      `/archive/urls/${shardOf(article.key, meta.shards.urls)}.json`,
      `/archive/catalog/${shardOf(article.id, meta.shards.catalog)}.json`,
      `/archive/articles/${article.id}.json`,
    ];
    let readBytes = 0;
    for (const path of readPaths) readBytes += (await stat(join(extensionDir, path))).size;
    const archiveBytes = (await dirSize(join(extensionDir, 'archive'))).bytes;
    const contentScript = (await stat(join(extensionDir, 'content.js'))).size;
    const worker = await workerFigures(extensionDir, article);

    const ratio = (a: number[], b: number[]): string => (median(a) / median(b)).toFixed(2);
    console.log(`\n## Pages (archive of ${pageSize} articles on ${(await manifestSites(extensionDir)).length} sites, ${runs} runs (loads: ${runs * 5}), median / p95)\n`);
    console.log('| measure | figure |');
    console.log('| --- | --- |');
    console.log(`| page not in the archive: load, with extension | ${spread(loadWith)} |`);
    console.log(`| page not in the archive: load, without extension | ${spread(loadWithout)} |`);
    console.log(`| ratio with / without (median) | ${(median(loadWith) / median(loadWithout)).toFixed(3)} |`);
    console.log(`| extension scripts that ran on the non-archive page | ${scriptsOff} (on the archived page: ${scriptsOn}) |`);
    console.log(`| page of an archived site, not archived itself: load, with extension | ${spread(siteWith)} |`);
    console.log(`| the same page, without extension | ${spread(siteWithout)} |`);
    console.log(`| ratio with / without (median) | ${ratio(siteWith, siteWithout)} |`);
    console.log(`| content script size (minified) | ${(contentScript / 1024).toFixed(2)} KB |`);
    console.log(`| document_idle → sidebar title and entities painted | ${spread(paint.warm.map((v) => v.sidebarAfterIdle))} |`);
    console.log(`| the same, navigation start → painted | ${spread(paint.warm.map((v) => v.sidebarAfterStart))} |`);
    console.log(`| floor: a static sidebar page in the same iframe, document_idle → painted | ${spread(paint.floor.map((v) => v.sidebarAfterIdle))} |`);
    console.log(`| Backstory ÷ floor (median) | ${ratio(paint.warm.map((v) => v.sidebarAfterIdle), paint.floor.map((v) => v.sidebarAfterIdle))} |`);
    console.log(`| worker stopped before each visit: document_idle → painted | ${spread(paint.cold.map((v) => v.sidebarAfterIdle))} |`);
    console.log(`| page whose <head> waits 300 ms for a script: document_idle → sidebar painted | ${spread(paint.slow.map((v) => v.sidebarAfterIdle))} |`);
    console.log(`| … and → the page's own first contentful paint | ${spread(paint.slow.map((v) => v.pageFirstPaintAfterIdle))} |`);
    console.log(`| archive data read for it | ${(readBytes / 1024).toFixed(1)} KB in ${readPaths.length} files, of ${mb(archiveBytes)} |`);
    console.log(`| worker JS heap, woken by a page, 1,000 notes stored | ${mb(worker.heapAfterWake)} |`);
    console.log(`| worker JS heap after a search of the 1,000 notes | ${mb(worker.heapAfterSearch)} |`);
    console.log(`| worker message, warm | ${spread(worker.warm)} |`);
    console.log(`| worker message, woken after a stop (1,000 notes stored) | ${spread(worker.cold)} |`);
    console.log(`| ratio woken / warm (median) | ${ratio(worker.cold, worker.warm)} |`);
  } finally {
    if (!values['work-dir']) await rm(work, { recursive: true, force: true });
  }
  await printLiveVerdict();
}

await main();
