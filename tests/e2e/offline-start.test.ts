/** `npm start -- --offline`: archived articles served locally at their own URLs match in Chromium. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileArchive, readSeedDirectory } from '../../scripts/archive/compile';
import { serveArticles } from '../../scripts/article-server';
import { freePort } from './drivers/firefox-rdp';
import { testBrowsers } from './drivers/launch';
import { screenshotPath } from './drivers/served-pages';
import { SEED_TITLE, SEED_URL, launchWithExtension, sidebarFrame, type ExtensionBrowser } from './harness';

describe('offline mode of npm start', () => {
  let browser: ExtensionBrowser;
  let close: () => void;
  beforeAll(async () => {
    const archive = compileArchive(await readSeedDirectory(resolve('seeds')));
    const { server, port } = await serveArticles(archive.articles);
    close = () => server.close();
    browser = await launchWithExtension({
      routePages: false,
      args: [`--host-resolver-rules=MAP sputnikglobe.com 127.0.0.1:${port}, MAP *.sputnikglobe.com 127.0.0.1:${port}`],
    });
  });
  afterAll(async () => {
    await browser?.close();
    close?.();
  });

  it('serves the seed article at its own URL and the sidebar shows it', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEED_URL.replace('https:', 'http:'));
    expect(await page.title()).toBe(SEED_TITLE);
    const frame = await sidebarFrame(page);
    expect(await frame.textContent('#article-title')).toBe(SEED_TITLE);
  });

  it('says the untouched seed article is unchanged (its notice line and date are page extras)', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEED_URL.replace('https:', 'http:'));
    const frame = await sidebarFrame(page);
    const status = frame.locator('.live-message');
    await status.filter({ hasNotText: 'Comparing' }).waitFor();
    expect(await status.textContent()).toBe('Unchanged since archived');
    await frame.click('button.live-compare');
    await frame.click('.compare-extras summary');
    expect(await frame.locator('.compare-extras li').allTextContents()).toEqual([
      expect.stringContaining('offline mode'),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
    await page.screenshot({ path: 'test-results/screenshots/offline-start-unchanged.png' });
  });
});

/**
 * `npm start -- --offline` itself, in both browsers: the script builds, serves the archive,
 * starts the browser with web-ext (headless, as no display may be here; as root, the case
 * that used to end in a bare ECONNRESET) and opens the seed article, whose sidebar must
 * show. The test looks in over the browser's remote debugging port.
 */
describe.each(testBrowsers())('npm start -- --offline --browser %s', (browserName) => {
  let start: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  beforeAll(async () => {
    const port = await freePort();
    start = spawn('npx', ['tsx', 'scripts/start.ts', '--offline', '--browser', browserName, '--headless', '--remote-debugging-port', String(port)], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [start.stdout, start.stderr]) stream?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    exited = new Promise((resolve) => start.once('exit', resolve));
    debuggingPort = port;
  });
  let debuggingPort = 0;
  afterAll(async () => {
    if (start?.pid === undefined || start.exitCode !== null) return;
    // web-ext closes the browser it started when interrupted, as with Ctrl-C.
    process.kill(-start.pid, 'SIGINT');
    const timer = setTimeout(() => start.pid !== undefined && process.kill(-start.pid, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  });

  it('opens the seed article with its sidebar', async () => {
    const title = await (browserName === 'chromium' ? sidebarTitleInChromium(debuggingPort, () => output) : sidebarTitleInFirefox(debuggingPort, () => output));
    expect(title, output).toBe(SEED_TITLE);
    if (process.getuid?.() === 0 && browserName === 'chromium') expect(output).toContain('Chromium will not run as root with its sandbox');
  }, 150_000);
});

/** Retries `attempt` until it succeeds or the start script has had long enough. */
async function untilReady<T>(attempt: () => Promise<T>, log: () => string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`npm start did not show the article: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function sidebarTitleInChromium(port: number, log: () => string): Promise<string | null> {
  const browser = await untilReady(() => chromium.connectOverCDP(`http://127.0.0.1:${port}`), log);
  try {
    const page = await untilReady(async () => {
      const found = browser.contexts().flatMap((context) => context.pages()).find((p) => p.url().startsWith('http://sputnikglobe.com/'));
      if (!found) throw new Error(`no article tab among ${browser.contexts().flatMap((c) => c.pages()).map((p) => p.url()).join(', ')}`);
      return found;
    }, log);
    const frame = await sidebarFrame(page);
    await page.screenshot({ path: screenshotPath('chromium', 'npm-start-offline') });
    return await frame.textContent('#article-title');
  } finally {
    await browser.close();
  }
}

async function sidebarTitleInFirefox(port: number, log: () => string): Promise<string | null> {
  const browser = await untilReady(() => puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}/session`, protocol: 'webDriverBiDi' }), log);
  try {
    return await untilReady(async () => {
      const pages = await browser.pages();
      const page = pages.find((p) => p.url().startsWith('http://sputnikglobe.com/'));
      if (!page) throw new Error(`no article tab among ${pages.map((p) => p.url()).join(', ')}`);
      // Firefox reports the extension frame's URL as about:blank: find it by its content.
      for (const frame of page.frames()) {
        const title = await frame.$eval('#article-title', (element) => element.textContent).catch(() => null);
        if (title !== null) {
          await page.screenshot({ path: screenshotPath('firefox', 'npm-start-offline') });
          return title;
        }
      }
      throw new Error(`the article page (${await page.title()}) has no sidebar yet`);
    }, log);
  } finally {
    await browser.disconnect();
  }
}
