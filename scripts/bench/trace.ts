/**
 * A Chromium trace of one sidebar visit, taken over the DevTools pipe at the browser level
 * (every process; no page is attached), and what it says: the milestones from the page's
 * DOMContentLoaded to the sidebar's first contentful paint, and how busy each process's
 * main thread was in between.
 */
import type { CdpPipe } from '../cdp-pipe';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; src_func?: string; src_file?: string; data?: { url?: string; frame?: string; isOutermostMainFrame?: boolean; documentLoaderURL?: string }; beginData?: { url?: string }; frame?: string };
}

const CATEGORIES = ['toplevel', 'blink.user_timing', 'loading', 'devtools.timeline', 'v8.execute', 'navigation', 'disabled-by-default-devtools.timeline', 'extensions', 'ipc', 'mojom'];

/** Runs `visit` while the browser traces, and returns the trace's events. */
export async function traced<T>(cdp: CdpPipe, visit: () => Promise<T>): Promise<{ value: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const off = cdp.on('Tracing.dataCollected', (params) => events.push(...(params as { value: TraceEvent[] }).value));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  let value: T;
  try {
    value = await visit();
  } finally {
    const complete = new Promise<void>((resolve) => {
      const stop = cdp.on('Tracing.tracingComplete', () => {
        stop();
        resolve();
      });
    });
    await cdp.send('Tracing.end');
    await complete;
    off();
  }
  return { value, events };
}

export interface TraceSummary {
  /** From the page's DOMContentLoaded end to the sidebar frame's first contentful paint. */
  windowMs: number;
  /** Milestones in that window, ms after the page's DOMContentLoaded end. */
  milestones: Array<{ at: number; what: string }>;
  /** Per process and thread: ms of top-level tasks inside the window, and the longest kinds of work. */
  threads: Array<{ thread: string; busyMs: number; top: Array<[string, number]> }>;
}

/** Milestones and per-thread busy time between the page's DOMContentLoaded and the sidebar's first contentful paint. */
export function summarizeSidebarTrace(events: readonly TraceEvent[], pageHost: string): TraceSummary {
  const names = traceNames(events);
  const urlOf = (e: TraceEvent): string => e.args?.data?.documentLoaderURL ?? e.args?.data?.url ?? e.args?.beginData?.url ?? '';
  // The page's DCL: the renderer whose navigation is the page; the sidebar's FCP: the one that loaded sidebar.html.
  const pagePid = events.find((e) => e.name === 'navigationStart' && urlOf(e).includes(pageHost))?.pid;
  // The sidebar's renderer: the one that parsed sidebar.html (its navigationStart may not name it).
  const sidebarPid = events.find((e) => (e.name === 'navigationStart' || e.name === 'ParseHTML') && urlOf(e).includes('/sidebar.html'))?.pid;
  const dcl = events.find((e) => e.pid === pagePid && e.name === 'domContentLoadedEventEnd');
  const fcp = events.find((e) => e.pid === sidebarPid && e.name === 'firstContentfulPaint');
  if (!dcl || !fcp) throw new Error(`the trace lacks the page's DOMContentLoaded or the sidebar's first paint (page ${String(pagePid)}, sidebar ${String(sidebarPid)})`);
  const from = dcl.ts;
  const to = fcp.ts;
  const label = (e: TraceEvent): string => {
    const process = e.pid === pagePid ? 'page' : e.pid === sidebarPid ? 'sidebar' : (names.processes.get(e.pid) ?? String(e.pid));
    return `${process} / ${names.threads.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
  };
  const milestones: TraceSummary['milestones'] = [];
  const MILESTONES = new Set(['navigationStart', 'domContentLoadedEventEnd', 'firstContentfulPaint', 'EvaluateScript', 'v8.compile', 'ResourceSendRequest', 'ParseHTML']);
  for (const e of events) {
    if (!MILESTONES.has(e.name) || e.ts < from - 50_000 || e.ts > to) continue;
    if (e.pid !== pagePid && e.pid !== sidebarPid) continue;
    const url = urlOf(e).replace(/^chrome-extension:\/\/[^/]+/, '');
    if (e.name === 'ParseHTML' && !url.includes('sidebar')) continue;
    milestones.push({ at: (e.ts - from) / 1000, what: `${label(e)}: ${e.name}${url ? ` ${url}` : ''}${e.dur ? ` (${(e.dur / 1000).toFixed(1)} ms)` : ''}` });
  }
  milestones.sort((a, b) => a.at - b.at);
  const threads = threadBusy(events, from, to, label);
  return { windowMs: (to - from) / 1000, milestones, threads };
}

type Names = { processes: Map<number, string>; threads: Map<string, string> };

function traceNames(events: readonly TraceEvent[]): Names {
  const names: Names = { processes: new Map(), threads: new Map() };
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') names.processes.set(e.pid, e.args?.name ?? String(e.pid));
    if (e.name === 'thread_name') names.threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? String(e.tid));
  }
  return names;
}

/**
 * Per process and thread, ms of top-level tasks between `from` and `to` (trace µs) and the
 * longest kinds of work in them: trace events by name, and top-level tasks by the function
 * that posted them (`post: …`), which names the code when no finer event does.
 */
function threadBusy(events: readonly TraceEvent[], from: number, to: number, label: (e: TraceEvent) => string): TraceSummary['threads'] {
  const busy = new Map<string, { busy: number; kinds: Map<string, number> }>();
  const add = (kinds: Map<string, number>, kind: string, ms: number): void => void kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts + e.dur < from || e.ts > to) continue;
    const overlap = (Math.min(e.ts + e.dur, to) - Math.max(e.ts, from)) / 1000;
    const key = label(e);
    let entry = busy.get(key);
    if (!entry) busy.set(key, (entry = { busy: 0, kinds: new Map() }));
    if (e.cat.includes('toplevel') && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')) {
      entry.busy += overlap;
      if (e.args?.src_func) add(entry.kinds, `post: ${e.args.src_func}`, overlap);
    } else if (!e.cat.includes('toplevel')) add(entry.kinds, e.name, overlap);
  }
  return [...busy]
    .map(([thread, { busy: busyMs, kinds }]) => ({ thread, busyMs, top: [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4) }))
    .filter((t) => t.busyMs >= 1)
    .sort((a, b) => b.busyMs - a.busyMs)
    .slice(0, 8);
}

/** One page load's trace: per-thread busy time over the whole traced load (tab opened → load reported). */
export function summarizeLoadTrace(events: readonly TraceEvent[], pageHost: string): TraceSummary {
  const names = traceNames(events);
  const timed = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  if (timed.length === 0) throw new Error('the trace has no timed events');
  const from = Math.min(...timed.map((e) => e.ts));
  const to = Math.max(...timed.map((e) => e.ts + (e.dur ?? 0)));
  const pagePid = events.find((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? e.args?.data?.url ?? '').includes(pageHost))?.pid;
  const label = (e: TraceEvent): string => `${e.pid === pagePid ? 'page' : (names.processes.get(e.pid) ?? String(e.pid))} / ${names.threads.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
  return { windowMs: (to - from) / 1000, milestones: [], threads: threadBusy(events, from, to, label) };
}

export function printLoadTraceSummary(title: string, summary: TraceSummary): void {
  console.log(`\n### Trace of one load: ${title} (traced window ${summary.windowMs.toFixed(1)} ms)\n`);
  console.log('| process / thread | busy | longest work (ms) |');
  console.log('| --- | --: | --- |');
  for (const t of summary.threads) console.log(`| ${t.thread} | ${t.busyMs.toFixed(1)} ms | ${t.top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')} |`);
}

export function printTraceSummary(title: string, summary: TraceSummary): void {
  console.log(`\n### Trace: ${title} (page DOMContentLoaded → sidebar first contentful paint: ${summary.windowMs.toFixed(1)} ms)\n`);
  for (const m of summary.milestones) console.log(`- ${m.at >= 0 ? '+' : ''}${m.at.toFixed(1)} ms ${m.what}`);
  console.log('\n| process / thread | busy in the window | longest work (ms) |');
  console.log('| --- | --: | --- |');
  for (const t of summary.threads) console.log(`| ${t.thread} | ${t.busyMs.toFixed(1)} ms | ${t.top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')} |`);
}
