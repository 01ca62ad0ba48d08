/** `npm start -- --offline`: archived articles served locally at their own URLs match in Chromium. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileArchive, readSeedDirectory } from '../../scripts/archive/compile';
import { serveArticles } from '../../scripts/article-server';
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
