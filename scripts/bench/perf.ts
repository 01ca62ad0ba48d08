/**
 * npm run bench [-- --sizes 1000,10000,50000 --page-size 10000 --runs 20]
 *
 * The costs users feel, at several archive sizes (synthetic archives, see
 * synthetic-archive.ts). Prints a table; the figures are recorded in docs/performance.md.
 * - Build: wall time and peak memory of the compiler (own process each), package size.
 * - A page NOT in the archive: load time with the extension vs without, in the same run
 *   (ratio), and whether any extension script ran there.
 * - A matching page (at --page-size): content script size, document_idle → sidebar title
 *   and entities painted (Element Timing in the frame vs the page's DOMContentLoaded end),
 *   archive bytes read for it.
 * - The worker: wake-up time (stopped via the DevTools protocol, then one message) with
 *   the archive and 1,000 stored notes, against a warm worker in the same run.
 * Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import type { ArchiveMeta, Article } from '../../src/shared/archive-format';
import { shardOf } from '../../src/shared/shards';
import { articlePageHtml } from '../article-server';
import { launchChromium, launchChromiumWithExtension } from '../chromium-extension';
import { dirSize, fmtMs, mb, median, percentile } from './stats';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    'page-size': { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
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
}

function buildInOwnProcess(size: number, work: string): BuildFigures {
  const out = execFileSync('npx', ['tsx', join(root, 'scripts/bench/build-synthetic.ts'), String(size), work], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out.trim().split('\n').pop() ?? '{}';
  return { ...(JSON.parse(line) as Omit<BuildFigures, 'packageBytes'>), packageBytes: 0 };
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

/** document_idle (≈ DOMContentLoaded end) → the sidebar's title painted, and the archive files the frame read. */
async function sidebarPaint(context: BrowserContext, url: string): Promise<{ ms: number; framePaths: string[] }> {
  const page: Page = await context.newPage();
  await page.goto(url);
  let frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
  for (let i = 0; !frame && i < 200; i++) {
    await page.waitForTimeout(25);
    frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
  }
  if (!frame) throw new Error(`no sidebar on ${url}`);
  await frame.waitForSelector('.entity', { state: 'attached' });
  const painted = await frame.evaluate(
    () =>
      new Promise<{ at: number; paths: string[] }>((resolve, reject) => {
        // Element Timing entries reach only observers (buffered), not getEntriesByType.
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier: string }).identifier === 'article-title') as
            | (PerformanceEntry & { renderTime: number; loadTime: number })
            | undefined;
          if (!entry) return;
          const paths = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/archive/'));
          resolve({ at: performance.timeOrigin + (entry.renderTime || entry.loadTime), paths });
        }).observe({ type: 'element', buffered: true });
        setTimeout(() => reject(new Error('no element timing entry for the title')), 5000);
      }),
  );
  const idle = await page.evaluate(
    () => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  await page.close();
  return { ms: painted.at - idle, framePaths: painted.paths };
}

async function main(): Promise<void> {
  const works = new Map<number, string>();
  const builds: BuildFigures[] = [];
  for (const size of sizes) {
    const work = await mkdtemp(join(tmpdir(), `backstory-perf-${size}-`));
    works.set(size, work);
    const figures = buildInOwnProcess(size, work);
    figures.packageBytes = (await dirSize(join(work, 'dist/chromium'))).bytes;
    builds.push(figures);
    console.log(`built ${size}: ${fmtMs(figures.ms)}, peak ${mb(figures.peakRssBytes)}, package ${mb(figures.packageBytes)}`);
    if (size !== pageSize) await rm(work, { recursive: true, force: true });
  }

  console.log('\n## Build (own process per size)\n');
  console.log('| articles | build | per article | peak memory | package on disk | sites (manifest patterns) |');
  console.log('| --: | --: | --: | --: | --: | --: |');
  for (const b of builds) {
    console.log(`| ${b.articles} | ${fmtMs(b.ms)} | ${(b.ms / b.articles).toFixed(2)} ms | ${mb(b.peakRssBytes)} | ${mb(b.packageBytes)} | ${b.hosts} |`);
  }

  const work = works.get(pageSize);
  if (!work) return;
  const extensionDir = join(work, 'dist/chromium');
  const articleFile = (await readdir(join(extensionDir, 'archive/articles'))).sort()[0] ?? '';
  const article = JSON.parse(await readFile(join(extensionDir, 'archive/articles', articleFile), 'utf8')) as Article;
  const meta = JSON.parse(await readFile(join(extensionDir, 'archive/meta.json'), 'utf8')) as ArchiveMeta;
  const pages = new Map([
    [OTHER_PAGE, await readFile(join(root, 'tests/fixtures/pages/seed-article.html'), 'utf8')],
    [article.url, articlePageHtml(article)],
  ]);

  const withExtension = await launchChromiumWithExtension(extensionDir);
  const without = await launchChromium(null);
  try {
    await serve(withExtension.context, pages);
    await serve(without.context, pages);
    // Warm both browsers' caches and processes before measuring.
    await loadTime(withExtension.context, OTHER_PAGE);
    await loadTime(without.context, OTHER_PAGE);
    const loadWith: number[] = [];
    const loadWithout: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the order so neither browser always goes first.
      if (i % 2 === 0) {
        loadWith.push(await loadTime(withExtension.context, OTHER_PAGE));
        loadWithout.push(await loadTime(without.context, OTHER_PAGE));
      } else {
        loadWithout.push(await loadTime(without.context, OTHER_PAGE));
        loadWith.push(await loadTime(withExtension.context, OTHER_PAGE));
      }
    }
    const scriptsOff = await extensionContextsOn(withExtension.context, OTHER_PAGE);
    const scriptsOn = await extensionContextsOn(withExtension.context, article.url);

    const paints: number[] = [];
    let framePaths: string[] = [];
    await sidebarPaint(withExtension.context, article.url); // warm-up
    for (let i = 0; i < runs; i++) {
      const paint = await sidebarPaint(withExtension.context, article.url);
      paints.push(paint.ms);
      framePaths = paint.framePaths;
    }
    // The worker's reads for the match (meta.json, one URL shard, one catalog shard) and the
    // sidebar's article; extension resources may not show in the frame's resource timing.
    const workerPaths = [
      '/archive/meta.json',
      `/archive/urls/${shardOf(article.key, meta.shards.urls)}.json`,
      `/archive/catalog/${shardOf(article.id, meta.shards.catalog)}.json`,
      `/archive/articles/${article.id}.json`,
    ];
    const readPaths = [...new Set([...workerPaths, ...framePaths])];
    let readBytes = 0;
    for (const path of readPaths) readBytes += (await stat(join(extensionDir, path))).size;
    const archiveBytes = (await dirSize(join(extensionDir, 'archive'))).bytes;
    const contentScript = (await stat(join(extensionDir, 'content.js'))).size;

    // Worker wake-up, with 1,000 stored notes.
    const popup = await withExtension.context.newPage();
    await popup.goto(`chrome-extension://${withExtension.extensionId}/popup.html`);
    await popup.evaluate(async (articleId) => {
      // No named inner functions here: tsx would wrap them in a helper the page lacks.
      for (let i = 0; i < 1000; i++) {
        const id = (BigInt(`0x${articleId}`) + BigInt(i)).toString(16).padStart(16, '0').slice(-16);
        const payload = { articleId: id, text: `Benchmark note ${i}: ${'lorem ipsum '.repeat(20)}`, tags: ['bench'], baseRevision: 0, baseText: '' };
        await chrome.runtime.sendMessage({ channel: 'backstory/1', type: 'notes/save-note', payload });
      }
    }, article.id);
    const ask = (): Promise<number> =>
      popup.evaluate(async () => {
        const started = performance.now();
        await chrome.runtime.sendMessage({ channel: 'backstory/1', type: 'notes/search', payload: { query: 'benchmark', limit: 5 } });
        return performance.now() - started;
      });
    const cdp = await withExtension.context.newCDPSession(popup);
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < Math.min(runs, 10); i++) {
      warm.push(await ask());
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(withExtension.extensionId));
      if (target) await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await popup.waitForTimeout(300);
      cold.push(await ask());
    }

    console.log(`\n## Pages (archive of ${article.url ? pageSize : 0} articles, ${runs} runs, median / p95)\n`);
    console.log('| measure | figure |');
    console.log('| --- | --- |');
    console.log(`| page not in the archive: load, with extension | ${spread(loadWith)} |`);
    console.log(`| page not in the archive: load, without extension | ${spread(loadWithout)} |`);
    console.log(`| ratio with / without (median) | ${(median(loadWith) / median(loadWithout)).toFixed(3)} |`);
    console.log(`| extension scripts that ran on the non-archive page | ${scriptsOff} (on the archived page: ${scriptsOn}) |`);
    console.log(`| content script size (minified) | ${(contentScript / 1024).toFixed(1)} KB |`);
    console.log(`| document_idle → sidebar title and entities painted | ${spread(paints)} |`);
    console.log(`| archive data read for it | ${(readBytes / 1024).toFixed(1)} KB in ${readPaths.length} files, of ${mb(archiveBytes)} |`);
    console.log(`| worker message, warm | ${spread(warm)} |`);
    console.log(`| worker message, woken after a stop (1,000 notes stored) | ${spread(cold)} |`);
    console.log(`| ratio woken / warm (median) | ${(median(cold) / median(warm)).toFixed(1)} |`);
  } finally {
    await withExtension.close();
    await without.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
