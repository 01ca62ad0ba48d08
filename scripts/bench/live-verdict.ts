/**
 * Sidebar open → live verdict shown (docs/live-diff.md, docs/performance.md): on the seed
 * article's page (the offline start page) and on a 20,000-word article rendered as a news
 * site would (tests/fixtures/live-pages/templates/tune/dev-national-paper.ts), in Chromium
 * with the shipped build (no test hooks), no debugger attached while the page loads.
 * The time runs from the sidebar frame's start (the sidebar opening; the comparison waits
 * until it is on screen) to the frame after the status line gives its verdict.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article } from '../../src/shared/archive-format';
import { articlePageHtml } from '../article-server';
import { readArchiveArticles } from '../archive/archive-files';
import { build } from '../build';
import type { CdpPipe } from '../cdp-pipe';
import template from '../../tests/fixtures/live-pages/templates/tune/dev-national-paper';
import { launchServed, serveByHost, servedAt } from './sidebar-timing';
import { median, percentile } from './stats';

const root = resolve(import.meta.dirname, '../..');
export const LONG_ARTICLE_WORDS = 20_000;

/** A deterministic article of about `words` words, in sentences and paragraphs of news length. */
function longSeed(words: number): { file: string; url: string } {
  const vocabulary = (
    'the council said on monday that its engineers had found corrosion in cables of the harbour bridge which carries ' +
    'buses trains and cyclists between districts residents officials contractors budget steel winter spring report ' +
    'minister committee inquiry figures analysts warned delays costs reopening lanes traffic police statement'
  ).split(' ');
  let state = 12345;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const sentence = (n: number): string => {
    const ws = Array.from({ length: 12 + (next() % 14) }, () => vocabulary[next() % vocabulary.length] ?? 'the');
    ws[0] = `${(ws[0] ?? 'The').charAt(0).toUpperCase()}${(ws[0] ?? 'the').slice(1)}`;
    return `${ws.join(' ')} ${n}.`;
  };
  const paragraphs: string[] = [];
  let count = 0;
  let n = 0;
  while (count < words) {
    const p = Array.from({ length: 3 }, () => sentence(n++)).join(' ');
    count += p.split(' ').length;
    paragraphs.push(p);
  }
  const url = 'https://www.example-ledger.com/news/2024/02/08/harbour-bridge-long-read.html';
  return {
    url,
    file: ` date 2024-02-08 ${url}\n\nThe Harbour Bridge: A Long Read on Two Years of Repairs\n\n${paragraphs.join('\n\n')}\n`,
  };
}

/**
 * Registered as soon as the sidebar frame exists: resolves with the ms from the frame's start
 * (the sidebar opening: performance.timeOrigin) to the frame after the verdict was written
 * (the verdict on screen), and to the title's paint (Element Timing) for comparison.
 */
const OPEN_TO_VERDICT = `new Promise((resolve, reject) => {
  const final = () => {
    const text = document.querySelector('.live-message')?.textContent ?? '';
    return text !== '' && !text.startsWith('Comparing') ? text : null;
  };
  if (final()) return reject(new Error('the verdict was shown before the timer was set'));
  let title = NaN;
  const take = (entries) => {
    const entry = entries.find((e) => e.identifier === 'article-title');
    if (entry) title = entry.renderTime || entry.loadTime;
  };
  const paints = new PerformanceObserver((list) => take(list.getEntries()));
  paints.observe({ type: 'element', buffered: true });
  const observer = new MutationObserver(() => {
    const text = final();
    if (!text) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      take(paints.takeRecords());
      paints.disconnect();
      resolve({ ms: performance.now(), title, text });
    }));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  setTimeout(() => reject(new Error('no verdict in 30 s')), 30000);
})`;

interface VerdictVisit {
  ms: number;
  title: number;
  text: string;
}

async function verdictVisit(cdp: CdpPipe, httpUrl: string): Promise<VerdictVisit> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: httpUrl });
  try {
    const frame = await cdp.waitForTarget((target) => target.type === 'iframe' && target.url.includes('/sidebar.html'));
    return await cdp.evaluate<VerdictVisit>(frame.targetId, OPEN_TO_VERDICT);
  } finally {
    await cdp.send('Target.closeTarget', { targetId });
  }
}

export interface VerdictFigures {
  page: string;
  words: number;
  verdict: string;
  median: number;
  p95: number;
  /** Sidebar opening → its title painted, median (the first paint the verdict follows). */
  titleMedian: number;
  runs: number;
}

export async function liveVerdictFigures(runs: number): Promise<VerdictFigures[]> {
  const work = await mkdtemp(join(tmpdir(), 'backstory-live-bench-'));
  try {
    const seeds = join(work, 'seeds');
    const long = longSeed(LONG_ARTICLE_WORDS);
    await mkdir(seeds);
    await writeFile(join(seeds, 'long.txt'), long.file);
    await build({ seedDirs: [join(root, 'seeds'), seeds], outDir: join(work, 'dist') });
    const articles = readArchiveArticles(join(work, 'dist/chromium/archive'));
    const seedArticle = articles.find((a) => a.url !== long.url);
    const longArticle = articles.find((a) => a.url === long.url);
    if (!seedArticle || !longArticle) throw new Error('the bench archive lacks its articles');
    const pages = [
      { name: 'seed article, offline start page', article: seedArticle, html: articlePageHtml(seedArticle) },
      {
        name: `${LONG_ARTICLE_WORDS.toLocaleString('en')}-word article, news-site template`,
        article: longArticle,
        html: template.render({ url: longArticle.url, site: new URL(longArticle.url).hostname, headline: longArticle.title, summary: longArticle.summary, paragraphs: longArticle.paragraphs, published: longArticle.date }),
      },
    ];
    const served = pages.map((p) => ({ ...p, at: servedAt(p.article.url) }));
    const { server, port } = await serveByHost(new Map(served.map((p) => [p.at.key, { body: p.html }])));
    const cdp = await launchServed(join(work, 'dist/chromium'), port);
    try {
      await new Promise((resolveWait) => setTimeout(resolveWait, 1500));
      const figures: VerdictFigures[] = [];
      for (const page of served) {
        await verdictVisit(cdp, page.at.httpUrl); // warm-up
        const times: number[] = [];
        const titles: number[] = [];
        let verdict = '';
        for (let i = 0; i < runs; i++) {
          const { ms, title, text } = await verdictVisit(cdp, page.at.httpUrl);
          times.push(ms);
          if (!Number.isNaN(title)) titles.push(title);
          verdict = text;
        }
        const words = [page.article.title, page.article.summary, ...page.article.paragraphs].join(' ').split(/\s+/).length;
        figures.push({ page: page.name, words, verdict, median: median(times), p95: percentile(times, 0.95), titleMedian: median(titles), runs });
      }
      return figures;
    } finally {
      await cdp.close();
      server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
