/** TestBrowser over Debian's Chromium with playwright-core (launch options measured to work here). */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { launchChromiumWithExtension } from '../../../scripts/chromium-extension';
import { CHROMIUM_EXTENSION_DIR } from '../paths';
import { adaptFrame, type DriverFrame } from './frame-adapter';
import { screenshotPath, servedPage, type ServedPages } from './served-pages';
import type { LaunchOptions, TestBrowser, TestFrame, TestPage } from './types';

/** Answers every http(s) request from `pages` (URL without fragment → HTML), else a 404 page. */
export async function servePages(context: BrowserContext, pages: ServedPages): Promise<void> {
  await context.route(/^https?:\/\//, async (route) => route.fulfill(await servedPage(pages, route.request().url())));
}

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser & { context: BrowserContext; worker: Worker }> {
  // Extensions.triggerAction (clickAction) needs this switch, over Playwright's pipe.
  const args = ['--enable-unsafe-extension-debugging'];
  if (options.permissionAnswer) args.push(`--apps-gallery-install-auto-confirm-for-tests=${options.permissionAnswer === 'accept' ? 'accept' : 'cancel'}`);
  const { context, worker, extensionId, close } = await launchChromiumWithExtension(CHROMIUM_EXTENSION_DIR, { ...options, args });
  const pages: ServedPages = new Map();
  await servePages(context, pages);

  const frameOf = (frame: Frame, page: Page): TestFrame =>
    adaptFrame(frame as unknown as DriverFrame, page.keyboard, (selector, file) =>
      frame.setInputFiles(selector, { name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.content) }),
    );
  const wrap = (page: Page): TestPage => ({
    ...frameOf(page.mainFrame(), page),
    url: () => page.url(),
    async sidebar() {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
        if (frame) {
          await frame.waitForSelector('#article-title', { state: 'attached', timeout: Math.max(1, deadline - Date.now()) });
          return frameOf(frame, page);
        }
        if (Date.now() > deadline) throw new Error('no sidebar frame appeared');
        await page.waitForTimeout(50);
      }
    },
    async screenshot(name) {
      const path = screenshotPath('chromium', name);
      await page.screenshot({ path });
      return path;
    },
    mouseClick: (x, y) => page.mouse.click(x, y),
    viewport: () => page.viewportSize() ?? { width: 1280, height: 800 },
    goBack: async () => {
      await page.goBack();
    },
    goto: async (url) => {
      await page.goto(url);
    },
    bringToFront: () => page.bringToFront(),
    async badge() {
      await page.bringToFront();
      return worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      });
    },
    async clickAction() {
      await page.bringToFront();
      const browser = context.browser();
      if (!browser) throw new Error('Chromium: no browser-level DevTools session for Extensions.triggerAction');
      const cdp = await browser.newBrowserCDPSession();
      try {
        // The action runs on a tab target (type "tab", the parent of the tab's "page" target),
        // which Target.getTargets lists only when asked for by its type.
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab', exclude: false }] } as never)) as {
          targetInfos: Array<{ targetId: string; type: string; url: string }>;
        };
        const address = await page.evaluate(() => location.href);
        const tab = targetInfos.find((info) => info.type === 'tab' && info.url === address);
        if (!tab) throw new Error(`Chromium: no tab target shows ${address}`);
        await (cdp as unknown as { send(method: string, params: object): Promise<unknown> }).send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      } finally {
        await cdp.detach();
      }
    },
    menuExists: (id) =>
      worker.evaluate((menuId) => chrome.contextMenus.update(menuId, {}).then(() => true, () => false), id),
    async runCommand(command) {
      await page.bringToFront();
      // Headless Chromium has no keyboard shortcuts; the worker's own commands event, dispatched
      // in the worker over the DevTools protocol, runs the listeners the shortcut would.
      await worker.evaluate((name) => (chrome.commands.onCommand as unknown as { dispatch(name: string): void }).dispatch(name), command);
    },
    async download(trigger) {
      const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
      const failure = await download.failure();
      if (failure) throw new Error(`Chromium: the download of ${download.suggestedFilename()} failed: ${failure}`);
      return { filename: download.suggestedFilename(), content: await readFile(await download.path()) };
    },
    async openExtensionWindow(path) {
      const [opened] = await Promise.all([
        context.waitForEvent('page'),
        worker.evaluate(
          (p) => chrome.windows.create({ url: chrome.runtime.getURL(p), type: 'popup', focused: false, width: 420, height: 600 }),
          path,
        ),
      ]);
      await opened.waitForLoadState('domcontentloaded');
      return wrap(opened);
    },
    close: () => page.close(),
  });

  return {
    name: 'chromium',
    context,
    worker,
    serve: (url, body, options) => void pages.set(url, { body, ...options }),
    evaluateInBackground: (expression) => worker.evaluate(expression),
    async open(url, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(url);
      return wrap(page);
    },
    close,
  };
}
