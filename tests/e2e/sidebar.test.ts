/**
 * The sidebar: the archived article, its date and entities, beside the page the user
 * visits. The same cases run in Chromium and Firefox (BACKSTORY_BROWSERS narrows them).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestPage } from './drivers/types';
import {
  FIXTURE_TITLE,
  FIXTURE_URL,
  SEED_TITLE,
  SEED_URL,
  eventually,
  hasSidebarHost,
  plainPage,
  seedArticlePage,
  seriousAxeViolations,
  sidebarOpen,
} from './fixtures';

const SEED_PATH = new URL(SEED_URL).pathname;

const VARIANTS = [
  ['http', SEED_URL.replace('https:', 'http:')],
  ['www.', SEED_URL.replace('://', '://www.')],
  ['m.', SEED_URL.replace('://', '://m.')],
  ['AMP path', SEED_URL.replace('sputnikglobe.com/', 'sputnikglobe.com/amp/')],
  ['trailing slash', `${SEED_URL}/`],
  ['fragment', `${SEED_URL}#comments`],
  ['tracking parameters', `${SEED_URL}?utm_source=twitter&utm_medium=social&fbclid=abc123`],
] as const;

const sidebarTitle = async (page: TestPage): Promise<string | null> => (await page.sidebar()).text('#article-title');

function serveFixtures(browser: TestBrowser): void {
  browser.serve(SEED_URL, seedArticlePage());
  for (const [, url] of VARIANTS) browser.serve(url.split('#')[0] ?? url, seedArticlePage());
  browser.serve(FIXTURE_URL, plainPage(FIXTURE_TITLE));
  browser.serve('https://sputnikglobe.com/world/story-page?id=5', seedArticlePage(`<link rel="canonical" href="${SEED_URL}">`));
  browser.serve('https://sputnikglobe.com/spa/', plainPage('A single-page app on the archive host'));
  browser.serve('https://sputnikglobe.com/not-archived.html', plainPage('Not archived'));
}

describe.each(testBrowsers())('the sidebar in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    serveFixtures(browser);
  });
  afterAll(() => browser?.close());

  it('shows the archived title, host, date and entities on the seed article', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    expect(await frame.text('#article-title')).toBe(SEED_TITLE);
    expect(await frame.text('.source .host')).toBe('sputnikglobe.com');
    expect(await frame.text('.source time')).toBe('Archived February 8, 2024');
    expect(await frame.attribute('.source time', 'datetime')).toBe('2024-02-08');
    expect(await frame.text('.source .age')).toMatch(/ago$/);
    expect(await frame.texts('.entity-group h3')).toEqual(['People', 'Organizations', 'Places', 'Dates']);
    const names = await frame.texts('.entity-name');
    expect(names).toEqual(expect.arrayContaining(['John Kirby', 'CENTCOM', 'Kata’ib Hezbollah', 'Baghdad', 'Wednesday']));
    expect(await frame.count('.text p')).toBeGreaterThan(5);
    expect(await page.badge()).toBe('1');

    const shot = await page.screenshot('seed-article-with-sidebar');
    if (browserName === 'chromium') {
      mkdirSync('docs/screenshots', { recursive: true });
      copyFileSync(shot, 'docs/screenshots/seed-article-with-sidebar.png');
    }
    await page.close();
  });

  it.each(VARIANTS)('matches the %s variant of the article URL', async (_name, url) => {
    const page = await browser.open(url);
    expect(await sidebarTitle(page)).toBe(SEED_TITLE);
    await page.close();
  });

  it('matches a page whose only link to the article is rel=canonical', async () => {
    const page = await browser.open('https://sputnikglobe.com/world/story-page?id=5');
    expect(await sidebarTitle(page)).toBe(SEED_TITLE);
    await page.close();
  });

  it('starts the sidebar while a slow page is still arriving, and the page parses as usual', async () => {
    // A parser-blocking script in <head> (a tag manager on a slow day) holds up the page's
    // DOMContentLoaded by two seconds; the sidebar does not wait for it.
    const slowScript = 'https://sputnikglobe.com/assets/slow-tag-manager.js';
    browser.serve(slowScript, 'window.slowScriptRan = true;', { contentType: 'text/javascript', delayMs: 2000 });
    const recordWhileParsing = `<script src="${slowScript}"></script>
      <script>window.sidebarWhileParsing = document.querySelector('backstory-sidebar') !== null && document.readyState === 'loading';</script>`;
    const url = `${SEED_URL}?utm_source=slow-page-test`;
    browser.serve(url, seedArticlePage(recordWhileParsing));

    const page = await browser.open(url);
    expect(await page.evaluate(() => (window as unknown as { sidebarWhileParsing?: boolean }).sidebarWhileParsing, null)).toBe(true);
    expect(await sidebarTitle(page)).toBe(SEED_TITLE);
    // The page's own document is whole: its head, its body and the slow script's work.
    expect(await page.evaluate(() => [document.head.querySelectorAll('script').length, document.querySelector('body h1') !== null, 'slowScriptRan' in window], null)).toEqual([2, true, true]);
    expect(await sidebarOpen(page)).toBe(true);
    // The sidebar had loaded (its scripts run before its own DOMContentLoaded) before the page
    // was parsed; it then paints with the page's first paint (npm run bench measures that).
    const parsedAt = (): number => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    const frame = await page.sidebar();
    expect(await frame.evaluate(parsedAt, null)).toBeLessThan(await page.evaluate(parsedAt, null));
    await page.screenshot('slow-page-with-sidebar');
    await page.close();
  });

  it('leaves a page on the same host that is not archived untouched', async () => {
    const page = await browser.open('https://sputnikglobe.com/not-archived.html');
    const before = await page.evaluate(() => document.documentElement.outerHTML, null);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await hasSidebarHost(page)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.outerHTML, null)).toBe(before);
    expect(await page.badge()).toBe('');
    await page.close();
  });

  it('follows single-page-app navigation into, between and out of archived URLs', async () => {
    const page = await browser.open('https://sputnikglobe.com/spa/');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await hasSidebarHost(page)).toBe(false);

    await page.evaluate((path) => history.pushState({}, '', path), SEED_PATH);
    expect(await sidebarTitle(page)).toBe(SEED_TITLE);

    await page.evaluate((path) => history.pushState({}, '', path), new URL(FIXTURE_URL).pathname);
    expect(await eventually(() => sidebarTitle(page), FIXTURE_TITLE)).toBe(FIXTURE_TITLE);

    await page.evaluate(() => history.pushState({}, '', '/spa/other-section'), null);
    expect(await eventually(() => hasSidebarHost(page), false)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.style.marginRight, null)).toBe('');

    await page.goBack(); // popstate, back to the fixture article
    expect(await eventually(() => sidebarTitle(page), FIXTURE_TITLE)).toBe(FIXTURE_TITLE);
    await page.close();
  });

  it('toggles with the keyboard command and the popup button, and remembers a closed sidebar per site', async () => {
    const page = await browser.open(SEED_URL);
    await page.sidebar();
    expect(await sidebarOpen(page)).toBe(true);

    await page.runCommand('toggle-sidebar');
    expect(await eventually(() => sidebarOpen(page), false)).toBe(false);

    // Closed is remembered for the site: a new visit starts closed, with the edge tab to reopen.
    const again = await browser.open(FIXTURE_URL);
    await again.sidebar();
    expect(await sidebarOpen(again)).toBe(false);

    const popup = await again.openExtensionWindow('popup.html');
    await popup.waitFor('.page-status strong');
    expect(await popup.text('.page-status strong')).toBe(FIXTURE_TITLE);
    await popup.click('.page-status button');
    expect(await eventually(() => sidebarOpen(again), true)).toBe(true);

    // Opened again: remembered too.
    const third = await browser.open(SEED_URL);
    await third.sidebar();
    expect(await eventually(() => sidebarOpen(third), true)).toBe(true);
    for (const p of [page, again, third]) await p.close();
  });

  it('reopens from the edge tab and closes from its own close button', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.click('button.close');
    expect(await eventually(() => sidebarOpen(page), false)).toBe(false);
    await page.screenshot('sidebar-closed-edge-tab');
    await page.close();

    // Closing with × is remembered for the site like any other close.
    const next = await browser.open(SEED_URL);
    await next.sidebar();
    expect(await sidebarOpen(next)).toBe(false);
    // The edge tab lives in a closed shadow root: reach it as a user does, by its place on screen.
    const { width, height } = await next.evaluate(
      () => ({ width: document.documentElement.clientWidth, height: innerHeight }),
      null,
    );
    await next.mouseClick(width - 10, height * 0.4 + 40);
    expect(await eventually(() => sidebarOpen(next), true)).toBe(true);
    await next.close();
  });

  it('marks an entity’s mentions and lists the other articles that mention it', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.clickText('button.entity', 'John Kirby');
    expect(await frame.attribute('button.entity[aria-pressed="true"] .entity-name', 'class')).toBe('entity-name');
    expect(await frame.text('button.entity[aria-pressed="true"] .entity-name')).toBe('John Kirby');
    expect(await frame.texts('mark')).toEqual(['John Kirby', 'Kirby']);
    await frame.waitFor('.related a');
    expect(await frame.texts('.related a')).toEqual([FIXTURE_TITLE]);
    expect(await frame.attribute('.related a', 'href')).toBe(FIXTURE_URL);
    await page.screenshot('sidebar-entity-selected');

    await frame.clickText('button.entity', 'John Kirby');
    expect(await frame.count('mark')).toBe(0);
    await page.close();
  });

  it('has no serious or critical accessibility violations, in light and dark', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.clickText('button.entity', 'CENTCOM');
    await frame.waitFor('.related a');
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await page.close();

    const dark = await launch(browserName, { colorScheme: 'dark' });
    try {
      dark.serve(SEED_URL, seedArticlePage());
      const darkPage = await dark.open(SEED_URL);
      const darkFrame = await darkPage.sidebar();
      expect(await darkFrame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, null)).toBe(true);
      expect(await seriousAxeViolations(darkFrame)).toEqual([]);
      await darkPage.screenshot('seed-article-with-sidebar-dark');
    } finally {
      await dark.close();
    }
  });

  it('stays usable on a narrow (zoomed) window and leaves the page scrollbar uncovered', async () => {
    const page = await browser.open(SEED_URL, { width: 640, height: 700 });
    await page.sidebar();
    const layout = await page.evaluate(() => {
      const box = (document.querySelector('backstory-sidebar') as HTMLElement).getBoundingClientRect();
      return { right: box.right, width: box.width, pageRight: document.documentElement.clientWidth, inner: innerWidth };
    }, null);
    expect(layout.width).toBeLessThanOrEqual(layout.inner - 120);
    // Flush with the page's right edge, which is the left edge of its scrollbar (if any).
    expect(layout.right).toBe(layout.pageRight);
    await page.screenshot('sidebar-narrow-window');
    await page.close();
  });
});
