/**
 * Drives Debian's Chromium with the unpacked test build loaded, and serves article pages
 * offline at their real URLs (context.route), so the content script runs as it would there.
 */
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { launchChromiumWithExtension } from '../../scripts/chromium-extension';
import { servePages } from './drivers/chromium';
import { adaptFrame, type DriverFrame } from './drivers/frame-adapter';
import { screenshotPath, type ServeOptions, type ServedPages } from './drivers/served-pages';
import { seriousAxeViolations as axeViolationsIn } from './fixtures';
import { CHROMIUM_EXTENSION_DIR } from './paths';

export { FIXTURE_TITLE, FIXTURE_URL, SEED_TITLE, SEED_URL, plainPage, seedArticlePage } from './fixtures';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Serves `body` at its real URL (without fragment), as TestBrowser.serve; anything else gets a 404 page. */
  serve(url: string, body: string, options?: ServeOptions): void;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** More Chromium switches. */
  args?: string[];
  /** Serve `pages` by routing every http(s) request (default). Off to reach a real local server. */
  routePages?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { context, worker, extensionId, close } = await launchChromiumWithExtension(CHROMIUM_EXTENSION_DIR, options);
  const pages: ServedPages = new Map();
  if (options.routePages !== false) await servePages(context, pages);
  return {
    context,
    worker,
    extensionId,
    serve: (url, body, serveOptions) => void pages.set(url, { body, ...serveOptions }),
    close,
  };
}

/** The sidebar's frame in `page`, once its article has rendered. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) {
      await frame.waitForSelector('#article-title', { state: 'attached', timeout: Math.max(1, deadline - Date.now()) });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('no sidebar frame appeared');
    await page.waitForTimeout(50);
  }
}

/** Whether the content script put its sidebar host into the page. */
export function hasSidebarHost(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('backstory-sidebar') !== null);
}

/** The toolbar badge text for the active tab, read in the worker. */
export function activeTabBadge(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = screenshotPath('chromium', name);
  await page.screenshot({ path });
  return path;
}

/** Opens the toolbar popup's page in a popup window, as the toolbar button would beside the page. */
export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const [popup] = await Promise.all([
    browser.context.waitForEvent('page'),
    browser.worker.evaluate(() =>
      chrome.windows.create({ url: chrome.runtime.getURL('popup.html'), type: 'popup', focused: false, width: 400, height: 500 }),
    ),
  ]);
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

/** axe-core's serious and critical violations in a playwright frame (see fixtures.ts). */
export function seriousAxeViolations(frame: Frame): Promise<string[]> {
  // Only evaluation is used: the frame needs no keyboard.
  return axeViolationsIn(adaptFrame(frame as unknown as DriverFrame, { press: async () => undefined }));
}

/** The extension's service worker targets, as the DevTools protocol lists them (none while stopped). */
export async function serviceWorkerTargets(browser: ExtensionBrowser, page: Page): Promise<string[]> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos
      .filter((info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`))
      .map((info) => info.targetId);
  } finally {
    await cdp.detach();
  }
}

/**
 * Stops the extension's service worker as the browser does when it is idle (DevTools
 * protocol Target.closeTarget), and resolves once no worker target is left. The next
 * event (a message) starts a new instance; `browser.worker` then evaluates in that one.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (!target) throw new Error('the extension has no running service worker');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
  const deadline = Date.now() + 5_000;
  while ((await serviceWorkerTargets(browser, page)).length > 0) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await page.waitForTimeout(50);
  }
}

/**
 * An extension page that reads storage without messaging the worker (so it neither wakes
 * nor needs it): sidebar.html without its token stops before sending anything.
 */
export async function storageReader(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/sidebar.html`);
  return page;
}
