/** The extension loads in a real Chromium, and its content script runs only where the archive needs it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_URL, activeTabBadge, hasSidebarHost, launchWithExtension, plainPage, seedArticlePage, type ExtensionBrowser } from './harness';

describe('the extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(SEED_URL, seedArticlePage());
    browser.serve('https://example.org/news/story.html', plainPage('Elsewhere'));
  });
  afterAll(() => browser?.close());

  it('starts its service worker from the built manifest', async () => {
    expect(browser.worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.content_scripts?.[0]?.matches).toEqual(['*://*.sputnikglobe.com/*']);
  });

  it('runs the content script on the archived article and badges the tab', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEED_URL);
    await expect.poll(() => hasSidebarHost(page)).toBe(true);
    expect(await activeTabBadge(browser.worker)).toBe('1');
    await page.close();
  });

  it('runs no extension script on a host the archive does not have', async () => {
    const page = await browser.context.newPage();
    const session = await browser.context.newCDPSession(page);
    const contexts: string[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context.origin + ' ' + context.name));
    await session.send('Runtime.enable');
    await page.goto('https://example.org/news/story.html');
    await page.waitForTimeout(500);
    expect(contexts.filter((c) => c.includes('chrome-extension://'))).toEqual([]);
    expect(await hasSidebarHost(page)).toBe(false);
    expect(await activeTabBadge(browser.worker)).toBe('');
    await page.close();
  });
});
