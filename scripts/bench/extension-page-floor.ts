/**
 * How much of the popup's cold open is the browser's and how much is Backstory's:
 * `tsx scripts/bench/extension-page-floor.ts [DIST] [--runs 15]` copies DIST (default
 * dist/chromium) to a scratch folder (the shipped build is not touched), adds three pages
 * there and opens each in turn in a new tab, as `npm run bench:search` opens the popup:
 *
 * - `floor.html`: an empty extension page whose one script sets a mark: what any extension
 *   page costs in this browser before its first line of script runs;
 * - `shell.html`: the popup's own HTML and CSS with that one-line script instead of
 *   popup.js: what the popup's document costs without its code;
 * - `popup.html` (empty query, and `?q=` a word): the popup itself, its popup.js with a
 *   first-line mark put in front (in the copy only);
 * - `inline-css.html`: the same popup with popup.css inside a `<style>` instead of linked.
 *
 * Per page, medians and p95 after navigation start: the document's response, the script's
 * first line, domInteractive, first contentful paint, and the popup's results mark; and
 * each page's script start as a ratio to the empty page's, from the same run.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromiumWithExtension } from '../chromium-extension';
import { fmtMs, median, percentile } from './stats';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '15' }, query: { type: 'string', default: 'kirb' } } });
const dist = positionals[0] ?? 'dist/chromium';
const runs = Number(values.runs);

const FIRST_LINE = 'probe:first-line';
const RESULTS = 'backstory:search-results';

const scratch = mkdtempSync(join(tmpdir(), 'backstory-floor-'));
cpSync(dist, scratch, { recursive: true });
writeFileSync(join(scratch, 'floor.js'), `performance.mark(${JSON.stringify(FIRST_LINE)});\n`);
writeFileSync(join(scratch, 'floor.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>floor</title><script src="floor.js" defer></script></head><body></body></html>\n');
const popupHtml = readFileSync(join(scratch, 'popup.html'), 'utf8');
if (!popupHtml.includes('src="popup.js"')) throw new Error(`${dist}/popup.html does not load popup.js: this bench needs updating`);
writeFileSync(join(scratch, 'shell.html'), popupHtml.replace('src="popup.js"', 'src="floor.js"'));
// The same popup with its stylesheet inside the document: a deferred script waits for every stylesheet before it.
const css = readFileSync(join(scratch, 'popup.css'), 'utf8');
if (!popupHtml.includes('<link rel="stylesheet" href="popup.css" />')) throw new Error(`${dist}/popup.html does not link popup.css: this bench needs updating`);
writeFileSync(join(scratch, 'inline-css.html'), popupHtml.replace('<link rel="stylesheet" href="popup.css" />', `<style>${css}</style>`));
writeFileSync(join(scratch, 'popup.js'), `performance.mark(${JSON.stringify(FIRST_LINE)});\n${readFileSync(join(scratch, 'popup.js'), 'utf8')}`);

interface Open {
  response: number;
  firstLine: number;
  interactive: number;
  contentfulPaint: number;
  results: number;
}

const PAGES = [
  { label: 'empty extension page, one-line script (floor.html)', path: 'floor.html', waitsForResults: false },
  { label: "the popup's HTML and CSS, one-line script (shell.html)", path: 'shell.html', waitsForResults: false },
  { label: 'the popup, empty query', path: 'popup.html', waitsForResults: true },
  { label: `the popup, ?q=${values.query}`, path: `popup.html?q=${encodeURIComponent(values.query)}`, waitsForResults: true },
  { label: 'the popup with its CSS inline, empty query', path: 'inline-css.html', waitsForResults: true },
  { label: `the popup with its CSS inline, ?q=${values.query}`, path: `inline-css.html?q=${encodeURIComponent(values.query)}`, waitsForResults: true },
] as const;

const browser = await launchChromiumWithExtension(scratch);
try {
  const base = `chrome-extension://${browser.extensionId}/`;
  const open = async (path: string, waitsForResults: boolean): Promise<Open> => {
    const page = await browser.context.newPage();
    await page.goto(base + path);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_LINE, { timeout: 60_000 });
    if (waitsForResults) await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, RESULTS, { timeout: 60_000 });
    // A contentful paint needs a frame after the content: wait for it, bounded (an empty page may paint nothing contentful).
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 2_000 }).catch(() => undefined);
    const found = await page.evaluate(
      ({ firstLine, results }) => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        // No named helper in here: tsx's esbuild would wrap it in a __name the page does not have.
        const [line, paint, marked] = [firstLine, 'first-contentful-paint', results].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
        return { response: nav?.responseEnd ?? NaN, firstLine: line!, interactive: nav?.domInteractive ?? NaN, contentfulPaint: paint!, results: marked! };
      },
      { firstLine: FIRST_LINE, results: RESULTS },
    );
    await page.close();
    return found;
  };

  // Warm-up: the worker awake, the archive's first files read once, as for a user who opened the popup before.
  for (const page of PAGES) await open(page.path, page.waitsForResults);
  const figures = new Map<string, Open[]>(PAGES.map((page) => [page.label, []]));
  // Round-robin, so that the machine's load drifts over every page alike.
  for (let run = 0; run < runs; run++) for (const page of PAGES) figures.get(page.label)!.push(await open(page.path, page.waitsForResults));

  const stat = (opens: Open[], pick: (open: Open) => number): string => {
    const values = opens.map(pick).filter((value) => Number.isFinite(value));
    return values.length === 0 ? '—' : `${fmtMs(median(values))} / ${fmtMs(percentile(values, 0.95))}`;
  };
  const floor = median(figures.get(PAGES[0].label)!.map((open) => open.firstLine));
  console.log(`\nChromium, ${runs} opens of each page in turn (a new tab each), ms after navigation start, median / p95 (${dist}):\n`);
  console.log('| page | document response | first line of script | × empty page | domInteractive | first contentful paint | results mark |');
  console.log('| --- | --: | --: | --: | --: | --: | --: |');
  for (const page of PAGES) {
    const opens = figures.get(page.label)!;
    const ratio = median(opens.map((open) => open.firstLine)) / floor;
    console.log(`| ${page.label} | ${stat(opens, (o) => o.response)} | ${stat(opens, (o) => o.firstLine)} | ${ratio.toFixed(2)}× | ${stat(opens, (o) => o.interactive)} | ${stat(opens, (o) => o.contentfulPaint)} | ${page.waitsForResults ? stat(opens, (o) => o.results) : '—'} |`);
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
