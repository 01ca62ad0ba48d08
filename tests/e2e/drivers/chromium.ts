/** TestBrowser over Debian's Chromium with playwright-core (launch options measured to work here). */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { launchChromiumWithExtension } from '../../../scripts/chromium-extension';
import { CHROMIUM_EXTENSION_DIR } from '../paths';
import { answerPrompt, clickPageMenuItem, pressCommand } from './chromium-headed';
import { adaptFrame, type DriverFrame } from './frame-adapter';
import { screenshotPath, servedPage, type ServedPages } from './served-pages';
import type { LaunchOptions, TestBrowser, TestFrame, TestPage } from './types';
import { startVirtualDisplay } from './xvfb';

/** Answers every http(s) request from `pages` (URL without fragment → HTML), else a 404 page. */
export async function servePages(context: BrowserContext, pages: ServedPages): Promise<void> {
  await context.route(/^https?:\/\//, async (route) => route.fulfill(await servedPage(pages, route.request().url())));
}

/** Whether the extension has a context-menu item `id` (updating nothing in it fails only for an unknown id). */
const menuExists = (worker: Worker, id: string): Promise<boolean> =>
  worker.evaluate((menuId) => chrome.contextMenus.update(menuId, {}).then(() => true, () => false), id);

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser & { context: BrowserContext; worker: Worker }> {
  // Extensions.triggerAction (clickAction) needs this switch, over Playwright's pipe.
  const args = ['--enable-unsafe-extension-debugging'];
  // The prompt of permissions.request is a native dialog no switch answers: to accept it,
  // Chromium runs headed on a virtual display and the dialog is answered with a click on "Allow"
  // (clickAndAnswerPrompt); there the shortcuts and the page menu are real input too
  // (./chromium-headed.ts). Declined: headless, where the prompt is never drawn nor answered.
  const display = options.permissionAnswer === 'accept' ? await startVirtualDisplay() : null;
  if (options.permissionAnswer === 'decline') args.push('--apps-gallery-install-auto-confirm-for-tests=cancel');
  const launched = await launchChromiumWithExtension(CHROMIUM_EXTENSION_DIR, { ...options, args, ...(display ? { display: display.display } : {}) }).catch((error: unknown) => {
    display?.close();
    throw error;
  });
  const { context, extensionId } = launched;
  const close = async (): Promise<void> => {
    await launched.close();
    display?.close();
  };
  // Allowing the extension in incognito restarts it: the worker is then the new one.
  let worker = launched.worker;
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
    menuExists: (id) => menuExists(worker, id),
    async clickAndAnswerPrompt(selector) {
      if (!display) return page.click(selector);
      await answerPrompt(page, display, () => page.click(selector));
    },
    async clickMenuItem(id, at = { x: 200, y: 200 }) {
      if (!display) throw new Error('headless Chromium opens no context menu to click; dispatch contextMenus.onClicked in the worker instead');
      if (!(await menuExists(worker, id))) throw new Error(`Chromium: the extension has no menu item ${id}`);
      await clickPageMenuItem(page, display, worker, at);
    },
    async runCommand(command) {
      if (display) return pressCommand(page, display, worker, command);
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
          // Headed (a virtual display): focused, as a window the user opened, so a dialog it asks for comes up over it.
          ({ p, focused }) => chrome.windows.create({ url: chrome.runtime.getURL(p), type: 'popup', focused, width: 420, height: 600 }),
          { p: path, focused: display !== null },
        ),
      ]);
      await opened.waitForLoadState('domcontentloaded');
      return wrap(opened);
    },
    close: () => page.close(),
  });

  /** Drives `page` (a new tab, normal or incognito) to `url`, a served page. */
  async function openIn(page: Page, url: string, viewport?: { width: number; height: number }): Promise<TestPage> {
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(url);
    return wrap(page);
  }

  return {
    name: 'chromium',
    context,
    get worker() {
      return worker;
    },
    serve: (url, body, options) => void pages.set(url, { body, ...options }),
    evaluateInBackground: (expression) => worker.evaluate(expression),
    open: async (url, viewport) => openIn(await context.newPage(), url, viewport),
    async allowInPrivateWindows() {
      // As a user: the extension's details page, Developer mode on (an unpacked extension
      // reloaded with it off is turned off), then "Allow in Incognito", which reloads it.
      const settings = await context.newPage();
      try {
        await settings.goto(`chrome://extensions/?id=${extensionId}`);
        const developerMode = settings.locator('extensions-toolbar #devMode');
        if (!(await developerMode.evaluate((toggle) => (toggle as HTMLInputElement).checked))) await developerMode.click();
        const allow = settings.locator('extensions-detail-view #allow-incognito');
        const restarted = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`) });
        await allow.click();
        worker = await restarted;
        await settings.screenshot({ path: screenshotPath('chromium', 'private-allowed-in-incognito') });
      } finally {
        await settings.close();
      }
    },
    async openPrivate(url, viewport) {
      // An incognito window, opened by the extension's own options page (as any extension
      // page allowed in incognito may); the tab is then driven to the served page.
      const options = await context.newPage();
      try {
        await options.goto(`chrome-extension://${extensionId}/options.html`);
        const [page] = await Promise.all([
          context.waitForEvent('page'),
          options.evaluate(async () => {
            const opened = await chrome.windows.create({ incognito: true, url: 'about:blank' });
            // Headless Chromium reports every window focused; the user's focus is in the new
            // one, so the others are set aside (minimized), as the popup's "this tab" follows focus.
            for (const other of await chrome.windows.getAll()) {
              if (other.id !== opened?.id && other.type === 'normal') await chrome.windows.update(other.id as number, { state: 'minimized' });
            }
          }),
        ]);
        return await openIn(page, url, viewport);
      } finally {
        await options.close();
      }
    },
    close,
  };
}
