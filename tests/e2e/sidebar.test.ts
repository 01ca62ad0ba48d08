/** The sidebar: the archived article, its date and entities, beside the page the user visits. */
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_TITLE,
  FIXTURE_URL,
  SEED_TITLE,
  SEED_URL,
  activeTabBadge,
  hasSidebarHost,
  launchWithExtension,
  openPopup,
  plainPage,
  runCommand,
  screenshot,
  seedArticlePage,
  seriousAxeViolations,
  sidebarFrame,
  sidebarOpen,
  type ExtensionBrowser,
} from './harness';

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

describe('the sidebar', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.pages.set(SEED_URL, seedArticlePage());
    for (const [, url] of VARIANTS) browser.pages.set(url.split('#')[0] ?? url, seedArticlePage());
    browser.pages.set(FIXTURE_URL, plainPage(FIXTURE_TITLE));
    browser.pages.set(
      'https://sputnikglobe.com/world/story-page?id=5',
      seedArticlePage(`<link rel="canonical" href="${SEED_URL}">`),
    );
    browser.pages.set('https://sputnikglobe.com/spa/', plainPage('A single-page app on the archive host'));
    browser.pages.set('https://sputnikglobe.com/not-archived.html', plainPage('Not archived'));
  });
  afterAll(() => browser?.close());

  async function visit(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }

  it('shows the archived title, host, date and entities on the seed article', async () => {
    const page = await visit(SEED_URL);
    const frame = await sidebarFrame(page);
    expect(await frame.textContent('#article-title')).toBe(SEED_TITLE);
    expect(await frame.textContent('.source')).toContain('sputnikglobe.com');
    expect(await frame.textContent('.source time')).toBe('Archived February 8, 2024');
    expect(await frame.getAttribute('.source time', 'datetime')).toBe('2024-02-08');
    expect(await frame.textContent('.source .age')).toMatch(/ago$/);
    const groups = await frame.$$eval('.entity-group', (nodes) =>
      nodes.map((node) => [node.querySelector('h3')?.textContent, [...node.querySelectorAll('.entity-name')].map((n) => n.textContent)]),
    );
    expect(groups.map(([heading]) => heading)).toEqual(['People', 'Organizations', 'Places', 'Dates']);
    expect(JSON.stringify(groups)).toContain('John Kirby');
    expect(JSON.stringify(groups)).toContain('CENTCOM');
    expect(await frame.$$eval('.text p', (ps) => ps.length)).toBeGreaterThan(5);
    expect(await activeTabBadge(browser.worker)).toBe('1');

    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(await screenshot(page, 'seed-article-with-sidebar'), 'docs/screenshots/seed-article-with-sidebar.png');
    await page.close();
  });

  it.each(VARIANTS)('matches the %s variant of the article URL', async (_name, url) => {
    const page = await visit(url);
    const frame = await sidebarFrame(page);
    expect(await frame.textContent('#article-title')).toBe(SEED_TITLE);
    await page.close();
  });

  it('matches a page whose only link to the article is rel=canonical', async () => {
    const page = await visit('https://sputnikglobe.com/world/story-page?id=5');
    const frame = await sidebarFrame(page);
    expect(await frame.textContent('#article-title')).toBe(SEED_TITLE);
    await page.close();
  });

  it('leaves a page on the same host that is not archived untouched', async () => {
    const page = await visit('https://sputnikglobe.com/not-archived.html');
    const before = await page.content();
    await page.waitForTimeout(700);
    expect(await hasSidebarHost(page)).toBe(false);
    expect(await page.content()).toBe(before);
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
    expect(await activeTabBadge(browser.worker)).toBe('');
    await page.close();
  });

  it('follows single-page-app navigation into, between and out of archived URLs', async () => {
    const page = await visit('https://sputnikglobe.com/spa/');
    await page.waitForTimeout(300);
    expect(await hasSidebarHost(page)).toBe(false);

    await page.evaluate((path) => history.pushState({}, '', path), SEED_PATH);
    expect(await (await sidebarFrame(page)).textContent('#article-title')).toBe(SEED_TITLE);

    await page.evaluate((path) => history.pushState({}, '', path), new URL(FIXTURE_URL).pathname);
    await expect.poll(async () => (await sidebarFrame(page)).textContent('#article-title')).toBe(FIXTURE_TITLE);

    await page.evaluate(() => history.pushState({}, '', '/spa/other-section'));
    await expect.poll(() => hasSidebarHost(page)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');

    await page.goBack(); // popstate back to the fixture article
    await expect.poll(async () => (await sidebarFrame(page)).textContent('#article-title')).toBe(FIXTURE_TITLE);
    await page.close();
  });

  it('toggles with the keyboard command and the popup button, and remembers a closed sidebar per site', async () => {
    const page = await visit(SEED_URL);
    await sidebarFrame(page);
    expect(await sidebarOpen(page)).toBe(true);

    await page.bringToFront();
    await runCommand(browser, 'toggle-sidebar');
    await expect.poll(() => sidebarOpen(page)).toBe(false);

    // Closed is remembered for the site: a new visit starts closed, with the edge tab to reopen.
    const again = await visit(FIXTURE_URL);
    await sidebarFrame(again);
    expect(await sidebarOpen(again)).toBe(false);

    await again.bringToFront();
    const popup = await openPopup(browser);
    await popup.getByText(FIXTURE_TITLE).waitFor();
    await popup.getByRole('button', { name: 'Show or hide the sidebar' }).click();
    await expect.poll(() => sidebarOpen(again)).toBe(true);

    // Opened again: remembered too.
    const third = await visit(SEED_URL);
    await sidebarFrame(third);
    await expect.poll(() => sidebarOpen(third)).toBe(true);
    for (const p of [page, again, third]) await p.close();
  });

  it('reopens from the edge tab and closes from its own close button', async () => {
    const page = await visit(SEED_URL);
    const frame = await sidebarFrame(page);
    await frame.getByRole('button', { name: 'Close the sidebar' }).click();
    await expect.poll(() => sidebarOpen(page)).toBe(false);
    await screenshot(page, 'sidebar-closed-edge-tab');
    // The edge tab lives in a closed shadow root: reach it as a user does, by its place on screen.
    await page.mouse.click(1280 - 10, 800 * 0.4 + 40);
    await expect.poll(() => sidebarOpen(page)).toBe(true);
    await page.close();
  });

  it('marks an entity’s mentions and lists the other articles that mention it', async () => {
    const page = await visit(SEED_URL);
    const frame = await sidebarFrame(page);
    const kirby = frame.getByRole('button', { name: /^John Kirby/ });
    await kirby.click();
    expect(await kirby.getAttribute('aria-pressed')).toBe('true');
    expect(await frame.$$eval('mark', (marks) => marks.map((m) => m.textContent))).toEqual(['John Kirby', 'Kirby']);
    const related = frame.locator('.related a');
    await related.first().waitFor();
    expect(await related.allTextContents()).toEqual([FIXTURE_TITLE]);
    expect(await related.first().getAttribute('href')).toBe(FIXTURE_URL);
    await screenshot(page, 'sidebar-entity-selected');

    await kirby.click();
    expect(await frame.$$eval('mark', (marks) => marks.length)).toBe(0);
    await page.close();
  });

  it('has no serious or critical accessibility violations, in light and dark', async () => {
    const page = await visit(SEED_URL);
    const frame = await sidebarFrame(page);
    await frame.getByRole('button', { name: /^CENTCOM/ }).click();
    await frame.locator('.related a').first().waitFor();
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await page.close();

    const dark = await launchWithExtension({ colorScheme: 'dark' });
    try {
      dark.pages.set(SEED_URL, seedArticlePage());
      const darkPage = await dark.context.newPage();
      await darkPage.goto(SEED_URL);
      const darkFrame = await sidebarFrame(darkPage);
      expect(await seriousAxeViolations(darkFrame)).toEqual([]);
      await screenshot(darkPage, 'seed-article-with-sidebar-dark');
    } finally {
      await dark.close();
    }
  });

  it('stays usable on a narrow (zoomed) window and leaves the page scrollbar uncovered', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 700 });
    await page.goto(SEED_URL);
    await sidebarFrame(page);
    const layout = await page.evaluate(() => {
      const host = document.querySelector('backstory-sidebar') as HTMLElement;
      const box = host.getBoundingClientRect();
      return { right: innerWidth - box.right, width: box.width, scrollbar: innerWidth - document.documentElement.clientWidth, inner: innerWidth };
    });
    expect(layout.width).toBeLessThanOrEqual(layout.inner - 120);
    expect(layout.right).toBe(layout.scrollbar);
    await screenshot(page, 'sidebar-narrow-window');
    await page.close();
  });
});
