/**
 * tsx scripts/bench/profile-captured.ts [--captured 5000] [--rounds 2] [--captures 8]
 *
 * Where the popup's search over captured articles spends its time: builds the extension
 * (real seeds, readable function names), stores N captured articles, then runs the bench's
 * queries in an open popup while the worker's CPU profiler samples, and prints the
 * worker's functions by self and by total time, and the popup's latency (slowed by the
 * profiler: the benchmark's figures are `npm run bench:search`). Also prints the worker's
 * JS heap (after a garbage collection) with none and with N captured articles searched,
 * and the time from a capture (through the worker's store) to the worker's search finding
 * it, for `--captures` captures one after another, with none captured (the baseline, in the
 * same run) and with N (past 32 captures the search index merges into a new base).
 * Figures: docs/performance.md.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../build';
import { CdpPipe } from '../cdp-pipe';
import { POINTER_COUNT, capturedArticles, indexShards } from './captured-articles';
import { fmtMs, median, percentile } from './stats';
import { workerHeapBytes } from './sidebar-timing';
import { syntheticArchive } from './synthetic-archive';

const root = resolve(import.meta.dirname, '../..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total (inclusive) time per function, in ms. */
function summarize(profile: Profile): { self: Map<string, number>; total: Map<string, number> } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return { self, total };
}

const top = (map: Map<string, number>, n: number): string =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${key}`).join('\n');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { captured: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '2' }, captures: { type: 'string', default: '8' } } });
  captures = Number(values.captures);
  const count = Number(values.captured);
  const realSeed = await readFile(join(root, 'seeds', (await readdir(join(root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]!), 'utf8');
  const queries = syntheticArchive(realSeed, 200).queries;
  const articles = capturedArticles(realSeed, count);
  const work = await mkdtemp(join(tmpdir(), 'backstory-profile-'));
  process.env.BACKSTORY_BUILD_NAMES = '1';
  await build({ seedDirs: [join(root, 'seeds')], outDir: join(work, 'dist') });
  const cdp = CdpPipe.launch(join(work, 'dist/chromium'));
  try {
    const worker = await cdp.waitForTarget((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    const popupUrl = `chrome-extension://${new URL(worker.url).host}/popup.html`;
    const { targetId: popup } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: popupUrl });
    await cdp.waitForTarget((t) => t.targetId === popup && t.url === popupUrl);
    while (!(await cdp.evaluate<boolean>(popup, `typeof chrome !== 'undefined' && !!chrome.storage && performance.getEntriesByName('backstory:search-results').length > 0`))) await new Promise((r) => setTimeout(r, 50));
    const heapNone = await workerHeapBytes(cdp);
    // Capture → found with no captured article: the baseline of the same run (its articles are deleted after).
    const baseline = await captureToFound(cdp, popup, realSeed, 'baseline', true);
    for (let i = 0; i < articles.length; i += 250) {
      const batch = Object.fromEntries(articles.slice(i, i + 250).map((a) => [`captured:${a.id}`, a]));
      await cdp.evaluate(popup, `chrome.storage.local.set(${JSON.stringify(batch)})`);
    }
    const built = await cdp.evaluate<number>(popup, `(async () => {
      const started = performance.now();
      await chrome.storage.local.set(${JSON.stringify(indexShards(articles))});
      for (;;) {
        const pointer = (await chrome.storage.local.get('captured-search'))['captured-search'];
        const n = ${POINTER_COUNT}(pointer);
        if (n >= ${count}) return performance.now() - started;
        await new Promise((r) => setTimeout(r, 100));
      }
    })()`);
    console.log(`${count} captured articles stored; the worker's index built in ${fmtMs(built)}`);
    // A fresh popup, as the bench's query loop uses.
    await cdp.evaluate(popup, `location.reload()`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));

    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    await cdp.send('Profiler.enable', {}, sessionId);
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 }, sessionId);
    await cdp.send('Profiler.start', {}, sessionId);
    const latencies = await cdp.evaluate<number[]>(popup, `(async () => {
      const out = [];
      const marks = () => performance.getEntriesByName('backstory:search-results');
      while (marks().length === 0) await new Promise((r) => setTimeout(r, 10));
      for (let round = 0; round < ${Number(values.rounds)}; round++) {
        for (const q of ${JSON.stringify(queries)}) {
          const before = marks().length;
          const box = document.querySelector('.search-box');
          const started = performance.now();
          box.value = q;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          while (marks().length === before) await new Promise((r) => setTimeout(r, 0));
          out.push(marks()[before].startTime - started);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      return out;
    })()`);
    const { profile } = await cdp.send<{ profile: Profile }>('Profiler.stop', {}, sessionId);
    await cdp.send('Target.detachFromTarget', { sessionId });
    const { self, total } = summarize(profile);
    console.log(`popup query (input → results), ${latencies.length} queries: median ${fmtMs(median(latencies))}, p95 ${fmtMs(percentile(latencies, 0.95))}`);
    console.log(`\nworker, self time:\n${top(self, 25)}`);
    console.log(`\nworker, total time:\n${top(total, 40)}`);

    const heapAll = await workerHeapBytes(cdp);
    console.log(`\nworker JS heap after GC: ${(heapNone / 1e6).toFixed(1)} MB with none captured, ${(heapAll / 1e6).toFixed(1)} MB with ${count} captured after the queries above (+${((heapAll - heapNone) / 1e6).toFixed(1)} MB)`);

    // Capture → found at N: the same captures, through the worker's store as a capture stores them.
    const { sessionId: again } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    await cdp.send('Profiler.enable', {}, again);
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 }, again);
    await cdp.send('Profiler.start', {}, again);
    const atCount = await captureToFound(cdp, popup, realSeed, 'later', false);
    const { profile: captureProfile } = await cdp.send<{ profile: Profile }>('Profiler.stop', {}, again);
    await cdp.send('Target.detachFromTarget', { sessionId: again });
    const during = summarize(captureProfile);
    console.log(`\nworker during the captures, total time:\n${top(during.total, 40)}`);
    for (const [label, run] of [['0 captured (baseline)', baseline], [`${count} captured`, atCount]] as const) {
      console.log(`${label}: store (capture/restore answered: record and its index shard) ${run.written.map(fmtMs).join(', ')} (median ${fmtMs(median(run.written))}, max ${fmtMs(Math.max(...run.written))}); → found by the popup's search ${run.found.map(fmtMs).join(', ')} (median ${fmtMs(median(run.found))}, p95 ${fmtMs(percentile(run.found, 0.95))}, max ${fmtMs(Math.max(...run.found))})`);
    }
    console.log(`capture → found, median at ${count} ÷ at 0: ${(median(atCount.found) / median(baseline.found)).toFixed(2)}×; store write: ${(median(atCount.written) / median(baseline.written)).toFixed(2)}×`);
  } finally {
    await cdp.close();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Stores CAPTURES articles one by one through the worker's store (`capture/restore`, the
 * path of a capture's store write: its record, then its index shard), each then searched
 * for by its own word until the popup's message finds it. Times from the message sent.
 */
let captures = 8;
async function captureToFound(cdp: CdpPipe, popup: string, realSeed: string, salt: string, remove: boolean): Promise<{ written: number[]; found: number[] }> {
  // A word of its own per capture, found in no other article.
  const syllables = ['quil', 'vex', 'mor', 'tal', 'pen', 'sor', 'drum', 'fen'];
  const words = Array.from({ length: captures }, (_, k) => `${syllables[k % 8]}${syllables[Math.floor(k / 8) % 8]}andrit${salt.slice(0, 3)}`);
  const extra = capturedArticles(`${realSeed}\n${salt} captures`, captures);
  const written: number[] = [];
  const found: number[] = [];
  for (const [k, word] of words.entries()) {
    const article = { ...extra[k]!, id: `${salt === 'baseline' ? 'e' : 'd'}${extra[k]!.id.slice(1)}`, title: `${word} ${extra[k]!.title}`, capturedAt: Date.now() };
    const [wrote, seen] = await cdp.evaluate<[number, number]>(popup, `(async () => {
      const send = (type, payload) => chrome.runtime.sendMessage({ channel: 'backstory/1', type, payload });
      const article = ${JSON.stringify(article)};
      const started = performance.now();
      const stored = await send('capture/restore', { article });
      if (!stored?.ok) throw new Error('capture/restore: ' + JSON.stringify(stored));
      const wrote = performance.now() - started;
      for (;;) {
        const reply = await send('capture/search', { query: ${JSON.stringify(word)}, limit: 20, details: 8 });
        if (reply?.ok && reply.value.hits.some((hit) => hit.id === article.id)) return [wrote, performance.now() - started];
        await new Promise((r) => setTimeout(r, 5));
      }
    })()`);
    written.push(wrote);
    found.push(seen);
    if (remove) await cdp.evaluate(popup, `chrome.runtime.sendMessage({ channel: 'backstory/1', type: 'capture/delete', payload: { id: ${JSON.stringify(article.id)} } })`);
  }
  return { written, found };
}

await main();
