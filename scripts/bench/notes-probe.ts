/**
 * tsx scripts/bench/notes-probe.ts [--dist dist/chromium] [--captured 5000] [--runs 3]
 *
 * What the popup's second mark waits for, source by source: with none and with N captured
 * articles stored, times from an extension page the worker's round trips of `notes/search`
 * and `capture/search` (one at a time, then both at once as the popup sends them), and in
 * the worker itself storage.local.getKeys() and a get of one key (what a notes search
 * that lists keys pays).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromiumWithExtension } from '../chromium-extension';
import { capturedArticles, storeCaptured } from './captured-articles';
import { fmtMs, median, percentile } from './stats';
import { syntheticArchive } from './synthetic-archive';

const root = resolve(import.meta.dirname, '../..');

const { values } = parseArgs({ options: { dist: { type: 'string', default: join(root, 'dist/chromium') }, captured: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } } });
const realSeed = await readFile(join(root, 'seeds', (await readdir(join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]!), 'utf8');
const queries = syntheticArchive(realSeed, 1).queries;
const runs = Number(values.runs);
const count = Number(values.captured);

const browser = await launchChromiumWithExtension(resolve(values.dist));
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const roundTrips = async (): Promise<Record<string, number[]>> =>
    (await page.evaluate(`(async () => {
      const send = async (type, payload) => {
        const started = performance.now();
        const reply = await chrome.runtime.sendMessage({ channel: 'backstory/1', type, payload });
        if (!reply?.ok) throw new Error(type + ': ' + JSON.stringify(reply));
        return performance.now() - started;
      };
      const out = { notes: [], captured: [], bothNotes: [], bothCaptured: [] };
      const queries = ${JSON.stringify(queries)};
      for (const q of queries) { await send('notes/search', { query: q, limit: 5 }); await send('capture/search', { query: q, limit: 20, details: 8 }); } // warm-up
      for (let run = 0; run < ${runs}; run++) {
        for (const q of queries) {
          out.notes.push(await send('notes/search', { query: q, limit: 5 }));
          out.captured.push(await send('capture/search', { query: q, limit: 20, details: 8 }));
          const [n, c] = await Promise.all([send('notes/search', { query: q, limit: 5 }), send('capture/search', { query: q, limit: 20, details: 8 })]);
          out.bothNotes.push(n);
          out.bothCaptured.push(c);
        }
      }
      return out;
    })()`)) as Record<string, number[]>;
  const inWorker = async (): Promise<Record<string, number[]>> =>
    browser.worker.evaluate(async (n: number) => {
      const out = { getKeys: [] as number[], keys: [] as number[], getOne: [] as number[] };
      const local = chrome.storage.local as typeof chrome.storage.local & { getKeys: () => Promise<string[]> };
      for (let i = 0; i < n; i++) {
        let started = performance.now();
        const keys = await local.getKeys();
        out.getKeys.push(performance.now() - started);
        out.keys.push(keys.length);
        started = performance.now();
        await local.get('notes:none');
        out.getOne.push(performance.now() - started);
      }
      return out;
    }, queries.length * runs);
  const report = (label: string, trips: Record<string, number[]>, worker: Record<string, number[]>): void => {
    const f = (xs: number[]): string => `median ${fmtMs(median(xs))}, p95 ${fmtMs(percentile(xs, 0.95))}`;
    console.log(`\n${label} (${worker.keys![0]} keys in storage.local)`);
    console.log(`  notes/search round trip, alone: ${f(trips.notes!)}`);
    console.log(`  capture/search round trip, alone: ${f(trips.captured!)}`);
    console.log(`  both at once: notes/search ${f(trips.bothNotes!)}; capture/search ${f(trips.bothCaptured!)}`);
    console.log(`  in the worker: storage.local.getKeys() ${f(worker.getKeys!)}; get of one key ${f(worker.getOne!)}`);
  };
  const none = [await roundTrips(), await inWorker()] as const;
  const articles = capturedArticles(realSeed, count);
  const built = await storeCaptured(page, articles);
  console.log(`${count} captured stored; index built in ${fmtMs(built)}`);
  const many = [await roundTrips(), await inWorker()] as const;
  report('0 captured', ...none);
  report(`${count} captured`, ...many);
  const ratio = (k: string): string => (median(many[0][k]!) / median(none[0][k]!)).toFixed(2);
  console.log(`\nratios ${count} ÷ 0: notes/search ${ratio('notes')}×, capture/search ${ratio('captured')}×, both: notes ${ratio('bothNotes')}×, captured ${ratio('bothCaptured')}×; getKeys ${(median(many[1].getKeys!) / median(none[1].getKeys!)).toFixed(2)}×`);
  console.log(`${queries.length} queries × ${runs} runs`);
} finally {
  await browser.close();
}
