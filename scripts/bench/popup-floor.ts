/**
 * Where the popup's cold open goes, from the page's own timing entries:
 * `tsx scripts/bench/popup-floor.ts DIST [--runs 7] [--queries ',kirb']` opens DIST's
 * popup in Chromium as `npm run bench:search` does (a new tab per open, the worker warm)
 * and prints, per query, medians after navigation start of: the document's response,
 * domInteractive (popup.js is a blocking script at the end of the body, so this is after
 * it ran and rendered), first paint, the results mark and the second mark. A build with
 * `performance.mark('probe:…')` calls added by hand (not shipped) gets those printed too.
 * Resource timing has no entries for chrome-extension:// files in Chromium 156, so the
 * fetches themselves are not timed here.
 */
import { parseArgs } from 'node:util';
import { launchChromiumWithExtension } from '../chromium-extension';
import { fmtMs, median } from './stats';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '7' }, queries: { type: 'string', default: ',kirb,hezbollah' } } });
const dist = positionals[0];
if (!dist) throw new Error('usage: popup-floor.ts DIST [--runs N] [--queries a,b]');

interface Open {
  response: number;
  scriptEnd: number;
  interactive: number;
  firstArchive: number;
  lastArchiveBeforeMark: number;
  filesBeforeMark: number;
  fetchMs: number[];
  mark: number;
  merged: number;
  probes: Record<string, number>;
  paint: [string, number][];
  loadEnd: number;
  dcl: number;
}

const browser = await launchChromiumWithExtension(dist);
try {
  const popup = `chrome-extension://${browser.extensionId}/popup.html`;
  const open = async (query: string): Promise<Open> => {
    const page = await browser.context.newPage();
    await page.goto(query ? `${popup}?q=${encodeURIComponent(query)}` : popup);
    await page.waitForFunction(() => performance.getEntriesByName('backstory:search-results').length > 0, null, { timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('backstory:search-merged').length > 0, null, { timeout: 10_000 }).catch(() => undefined);
    const found = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const mark = performance.getEntriesByName('backstory:search-results')[0]?.startTime ?? NaN;
      const merged = performance.getEntriesByName('backstory:search-merged')[0]?.startTime ?? NaN;
      const script = resources.find((r) => r.name.endsWith('/popup.js'));
      const archive = resources.filter((r) => r.name.includes('/archive/') && r.responseEnd <= mark);
      return {
        response: nav?.responseEnd ?? NaN,
        scriptEnd: script?.responseEnd ?? NaN,
        interactive: nav?.domInteractive ?? NaN,
        firstArchive: Math.min(...archive.map((r) => r.startTime)),
        lastArchiveBeforeMark: Math.max(...archive.map((r) => r.responseEnd)),
        filesBeforeMark: archive.length,
        fetchMs: archive.map((r) => r.responseEnd - r.startTime),
        mark,
        merged,
        probes: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('probe:')).map((m) => [m.name, m.startTime])),
        paint: performance.getEntriesByType('paint').map((p) => [p.name, p.startTime] as [string, number]),
        loadEnd: nav?.loadEventEnd ?? NaN,
        dcl: nav?.domContentLoadedEventStart ?? NaN,
      };
    });
    await page.close();
    return found;
  };
  await open('warmup');
  for (const query of values.queries.split(',')) {
    const opens: Open[] = [];
    for (let run = 0; run < Number(values.runs); run++) opens.push(await open(query));
    const m = (pick: (o: Open) => number): string => fmtMs(median(opens.map(pick)));
    for (const name of Object.keys(opens[0]?.probes ?? {})) console.log(`  ${query} ${name}: ${m((o) => o.probes[name] ?? NaN)}`);
    console.log(`  ${query} paints: ${JSON.stringify(opens.map((o) => o.paint))}; dcl ${m((o) => o.dcl)}; load end ${m((o) => o.loadEnd)}`);
    console.log(
      `| \`${query || '(empty)'}\` | ${m((o) => o.response)} | ${m((o) => o.scriptEnd)} | ${m((o) => o.interactive)} | ${m((o) => o.firstArchive)} | ${m((o) => o.lastArchiveBeforeMark)} | ${m((o) => o.mark)} | ${m((o) => o.merged)} | ${median(opens.map((o) => o.filesBeforeMark))} files, ${fmtMs(median(opens.flatMap((o) => o.fetchMs)))} each |`,
    );
  }
} finally {
  await browser.close();
}
