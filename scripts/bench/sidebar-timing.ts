/**
 * What a user waits for on an archived page, measured with no debugger attached while the
 * page loads (scripts/cdp-pipe.ts): pages come from a local server under their own host
 * names (--host-resolver-rules), each visit opens a new tab, and the timings are read from
 * the page and the sidebar frame only after the sidebar has painted.
 */
import { cp, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdpPipe } from '../cdp-pipe';

export interface ServedResource {
  body: string;
  contentType?: string;
  delayMs?: number;
}

/** What a page measured about its own load and sent to the server (LOAD_BEACON). */
export interface PageLoadTimes {
  /** Navigation start → load event end. */
  load: number;
  /** Navigation start → DOMContentLoaded end. */
  domContentLoaded: number;
}

/**
 * A script for a served page that reports its own load time to the server once the load
 * event ran, so a load can be timed with no debugger attached to the page at all (an
 * attached debugger is told of every isolated world, the extension's included).
 */
export const LOAD_BEACON = `<script>addEventListener('load', () => setTimeout(() => {
  const n = performance.getEntriesByType('navigation')[0];
  fetch('/__bench-loaded?load=' + n.loadEventEnd + '&dcl=' + n.domContentLoadedEventEnd, { method: 'POST' });
}));</script>`;
const BEACON_PATH = '/__bench-loaded';

export interface HostServer {
  server: Server;
  port: number;
  /** The next page load a LOAD_BEACON page reports. */
  nextLoad(): Promise<PageLoadTimes>;
}

/** Serves `resources` by host and path (`sputnikglobe.com/2024/x.html`), over plain http. */
export async function serveByHost(resources: ReadonlyMap<string, ServedResource>): Promise<HostServer> {
  let waiting: Array<(times: PageLoadTimes) => void> = [];
  const server = createServer((request, response) => {
    if (request.url?.startsWith(BEACON_PATH)) {
      const query = new URL(request.url, 'http://beacon.invalid').searchParams;
      const times = { load: Number(query.get('load')), domContentLoaded: Number(query.get('dcl')) };
      const listeners = waiting;
      waiting = [];
      for (const listener of listeners) listener(times);
      response.writeHead(204).end();
      return;
    }
    const found = resources.get(`${request.headers.host ?? ''}${request.url ?? '/'}`);
    const answer = (): void => {
      response.writeHead(found ? 200 : 404, { 'content-type': found?.contentType ?? 'text/html; charset=utf-8' });
      response.end(found?.body ?? 'not found');
    };
    if (found?.delayMs) setTimeout(answer, found.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    nextLoad: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

/** Opens a LOAD_BEACON page in a new tab, with no debugger attached to it, and returns its load times. */
export async function timedLoad(cdp: CdpPipe, served: HostServer, httpUrl: string): Promise<PageLoadTimes> {
  const reported = served.nextLoad();
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: httpUrl });
  try {
    return await reported;
  } finally {
    await cdp.send('Target.closeTarget', { targetId });
  }
}

/** `https://host/path` → the `host/path` key serveByHost answers and the http URL a tab opens. */
export function servedAt(url: string): { key: string; httpUrl: string } {
  const { host, pathname, search } = new URL(url);
  return { key: `${host}${pathname}${search}`, httpUrl: `http://${host}${pathname}${search}` };
}

/** Chromium, with every host name resolved to the local server. */
export function launchServed(extensionDir: string | null, port: number): CdpPipe {
  // HttpsUpgrades would try https first on every plain-http visit.
  return CdpPipe.launch(extensionDir, [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--disable-features=HttpsUpgrades']);
}

export interface VisitTimes {
  /** From the page's DOMContentLoaded end, when document_idle scripts would start. */
  sidebarAfterIdle: number;
  /** From the page's navigation start. */
  sidebarAfterStart: number;
  /** The page's own first contentful paint, from its DOMContentLoaded end. */
  pageFirstPaintAfterIdle: number;
}

// The page's timings are final once its load event ran.
const PAGE_TIMES = `new Promise((loaded) => document.readyState === 'complete' ? loaded() : addEventListener('load', () => loaded(), { once: true }))
  .then(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { origin: performance.timeOrigin, idle: navigation.domContentLoadedEventEnd, firstPaint: paint ? paint.startTime : NaN };
  })`;

// Element Timing entries reach only observers (buffered), not getEntriesByType.
const TITLE_PAINTED = `new Promise((resolve, reject) => {
  new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.identifier === 'article-title');
    if (entry) resolve(performance.timeOrigin + (entry.renderTime || entry.loadTime));
  }).observe({ type: 'element', buffered: true });
  setTimeout(() => reject(new Error('the sidebar title never painted')), 10000);
})`;

/** Opens `httpUrl` in a new tab, waits for the sidebar's title to paint, and reads the times. */
export async function visit(cdp: CdpPipe, httpUrl: string): Promise<VisitTimes> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: httpUrl });
  try {
    const frame = await cdp.waitForTarget((target) => target.type === 'iframe' && target.url.includes('/sidebar.html'));
    const painted = await cdp.evaluate<number>(frame.targetId, TITLE_PAINTED);
    const page = await cdp.evaluate<{ origin: number; idle: number; firstPaint: number }>(targetId, PAGE_TIMES);
    return {
      sidebarAfterIdle: painted - (page.origin + page.idle),
      sidebarAfterStart: painted - page.origin,
      pageFirstPaintAfterIdle: page.firstPaint - page.idle,
    };
  } finally {
    await cdp.send('Target.closeTarget', { targetId });
  }
}

/** Stops the extension's service worker, as Chromium does after 30 s idle. */
export async function stopWorker(cdp: CdpPipe): Promise<void> {
  const workers = (await cdp.targets()).filter((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  for (const worker of workers) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/**
 * A copy of the built extension (the archive linked, not copied) with `change` applied to
 * it: the benchmark's variants, each taking away one part of Backstory to see what it costs.
 */
export async function extensionVariant(extensionDir: string, change: (dir: string) => Promise<void>): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-variant-'));
  for (const entry of await readdir(extensionDir)) {
    if (entry === 'archive') await symlink(join(extensionDir, entry), join(dir, entry));
    else await cp(join(extensionDir, entry), join(dir, entry), { recursive: true });
  }
  await change(dir);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The built extension with a sidebar.html that is a static page showing a title: the
 * content script, worker and iframe are Backstory's, the sidebar does no work at all. What
 * it measures is the floor of any sidebar in an extension-origin iframe on this machine.
 */
export function staticSidebarVariant(extensionDir: string): Promise<{ dir: string; remove(): Promise<void> }> {
  return extensionVariant(extensionDir, (dir) =>
    writeFile(
      join(dir, 'sidebar.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backstory</title></head><body><h1 elementtiming="article-title">A static title</h1></body></html>',
    ),
  );
}

/** The extension's service worker's JS heap in use, after a garbage collection. */
export async function workerHeapBytes(cdp: CdpPipe): Promise<number> {
  const worker = await cdp.waitForTarget((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
  try {
    await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    const { usedSize } = await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, sessionId);
    return usedSize;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
}
